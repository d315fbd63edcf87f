import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressResolver, CLIENT_ADDRESS_HEADER, installClientAddress } from "./client-address";

// A real HTTP server on loopback: the socket's peer is 127.0.0.1, as for a proxy on the same host.
let server: http.Server;
let port: number;
const resolvers = { trustNone: addressResolver([]), trustLoopback: addressResolver(["loopback"]), trustOther: addressResolver(["10.0.0.0/8"]) };
let seen: { header: string | undefined; trustNone: string | undefined; trustLoopback: string | undefined; trustOther: string | undefined };

beforeAll(async () => {
  installClientAddress(["loopback"]);
  server = http.createServer((req: IncomingMessage, res) => {
    seen = {
      header: req.headers[CLIENT_ADDRESS_HEADER] as string | undefined,
      trustNone: resolvers.trustNone(req),
      trustLoopback: resolvers.trustLoopback(req),
      trustOther: resolvers.trustOther(req),
    };
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function request(headers: Record<string, string>) {
  await fetch(`http://127.0.0.1:${port}/`, { headers });
  return seen;
}

describe("client address", () => {
  it("is the socket's peer when no header claims otherwise", async () => {
    expect(await request({})).toEqual({ header: "127.0.0.1", trustNone: "127.0.0.1", trustLoopback: "127.0.0.1", trustOther: "127.0.0.1" });
  });

  it("believes X-Forwarded-For only from a trusted proxy, up to the first untrusted hop", async () => {
    const result = await request({ "x-forwarded-for": "203.0.113.5, 10.1.2.3" });
    expect(result.trustNone).toBe("127.0.0.1");
    expect(result.trustOther).toBe("127.0.0.1");
    // The loopback proxy vouches for 10.1.2.3, which is not trusted, so that is the client.
    expect(result.trustLoopback).toBe("10.1.2.3");
    expect(result.header).toBe("10.1.2.3");
  });

  it("overwrites a client's own claim to the resolved address", async () => {
    expect((await request({ [CLIENT_ADDRESS_HEADER]: "192.0.2.66" })).header).toBe("127.0.0.1");
  });
});
