import { appRouter } from "@shop/api";
import { createPrismaClient } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../db/src/postgres/embedded";
import { createTRPCRouteHandler } from "./route-handler";

describe("the tRPC route handler", () => {
  it("answers 503 with Retry-After when the request fails before any procedure runs (the session needs a database that is down)", async () => {
    const down = createPrismaClient({ url: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres` });
    try {
      const handler = createTRPCRouteHandler({
        router: appRouter,
        session: async () => {
          await down.$queryRaw`SELECT 1`;
          return null;
        },
      });
      const response = await handler(new Request("http://shop.test/api/trpc/health.check"));
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.text()).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await down.$disconnect();
    }
  });

  it("sets no Retry-After on answers that a retry cannot change", async () => {
    const handler = createTRPCRouteHandler({ router: appRouter, session: async () => null });
    const response = await handler(new Request("http://shop.test/api/trpc/order.list"));
    expect(response.status).toBe(401);
    expect(response.headers.get("retry-after")).toBeNull();
  });
});
