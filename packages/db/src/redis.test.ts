import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./postgres/embedded";
import { createRedisClient, disconnectRedis, getRedis, redis } from "./index";

describe("redis client", () => {
  it("sets, gets, expires and deletes keys", async () => {
    await redis.set("greeting", "hello");
    expect(await redis.get("greeting")).toBe("hello");

    await redis.set("short-lived", "x", "PX", 50);
    expect(await redis.pttl("short-lived")).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await redis.get("short-lived")).toBeNull();

    expect(await redis.del("greeting")).toBe(1);
    expect(await redis.get("greeting")).toBeNull();
  });

  it("keeps each test file's keys under its own prefix", async () => {
    await redis.set("mine", "1");
    const raw = createRedisClient({ keyPrefix: "" });
    try {
      const prefix = redis.options.keyPrefix ?? "";
      expect(prefix).toMatch(/^test:/);
      expect(await raw.get(`${prefix}mine`)).toBe("1");
      expect(await raw.get("mine")).toBeNull();
    } finally {
      raw.disconnect();
    }
  });

  it("is one instance per process", () => {
    expect(getRedis()).toBe(redis);
  });

  it("fails fast with a clear error when nothing listens on the Redis port", async () => {
    const port = await freePort();
    const client = createRedisClient({ url: `redis://127.0.0.1:${port}` });
    const started = Date.now();
    try {
      await expect(client.get("anything")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      client.disconnect();
    }
  });

  describe("against a server that accepts connections but never answers", () => {
    const sockets = new Set<Socket>();
    let server: Server;
    let port = 0;

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it("times out instead of hanging", async () => {
      server = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const address = server.address();
      port = typeof address === "object" && address ? address.port : 0;

      const client = createRedisClient({ url: `redis://127.0.0.1:${port}`, commandTimeoutMs: 150 });
      const started = Date.now();
      try {
        await expect(client.get("anything")).rejects.toThrow(/timed out/i);
        expect(Date.now() - started).toBeLessThan(2_000);
      } finally {
        client.disconnect();
      }
    });
  });

  it("disconnects the singleton cleanly and makes a new one on demand", async () => {
    await redis.ping();
    await disconnectRedis();
    const again = getRedis();
    expect(again).not.toBe(redis);
    expect(await again.ping()).toBe("PONG");
  });
});
