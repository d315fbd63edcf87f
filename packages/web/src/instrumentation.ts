/**
 * Next.js runs `register` once when a server starts, before it serves a request.
 * Both apps check their settings here, so a production server with an unsafe or
 * invalid environment exits at once with a message naming the variable, rather than
 * starting and answering 500s; then the client-address hook goes onto node:http.
 */
export async function register(appName: string): Promise<void> {
  // Next.js inlines NEXT_RUNTIME at build time, so the edge bundle drops the Node-only
  // imports below; the edge runtime has no process to stop, and the apps' routes run on Node.js.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvOrExit } = await import("@shop/db/env");
  checkEnvOrExit(appName);
  (await import("@shop/api/client-address")).installClientAddress();
}
