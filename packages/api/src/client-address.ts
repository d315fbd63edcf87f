import http, { type IncomingMessage } from "node:http";
import { env } from "@shop/db";
import proxyaddr from "proxy-addr";

/**
 * Carries the client's address from the HTTP server to route handlers. Next.js route
 * handlers never see the socket, and Next.js fills X-Forwarded-For with the socket's
 * address only when a request has none, so that header alone is whatever the client
 * says. This one is always overwritten by the server hook below.
 */
export const CLIENT_ADDRESS_HEADER = "x-shop-client-address";

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy,
 * the nearest X-Forwarded-For hop that is not (proxy-addr, as Express's "trust proxy").
 */
export function addressResolver(trusted: string[]): (req: IncomingMessage) => string {
  const trust = proxyaddr.compile(trusted);
  // A request whose socket already closed has no address; it will not be answered either.
  return (req) => (req.socket.remoteAddress ? proxyaddr(req, trust) : "unknown");
}

let installed = false;

/**
 * Stamps every request an HTTP server of this process receives with the resolved
 * client address, replacing any value the client sent. The apps call it from their
 * instrumentation `register()`, which runs before Next.js serves the first request.
 */
export function installClientAddress(trusted: string[] = env().TRUSTED_PROXIES): void {
  if (installed) return;
  installed = true;
  const resolve = addressResolver(trusted);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = resolve(req);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
}

/** The address the server hook resolved, or null outside a hooked server. */
export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER);
}
