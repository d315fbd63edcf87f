import { createRedisClient, redis } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../db/src/postgres/embedded";
import { unique } from "../test/helpers";
import { consume, limiter, TooManyAttempts } from "./limiter";

const rule = (points: number) => ({ name: unique("rule"), points, durationSec: 60 });

describe("limiter", () => {
  it("allows the rule's points per key in Redis, then refuses with the wait", async () => {
    const shared = rule(3);
    const limit = limiter(redis, shared);
    for (let i = 0; i < 3; i++) await consume(limit, "a");
    const refused = await consume(limit, "a").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyAttempts);
    expect((refused as TooManyAttempts).retryAfterMs).toBeGreaterThan(50_000);
    expect((refused as TooManyAttempts).message).toMatch(/try again in \d+ s/);
    await consume(limit, "b");
    // The count lives in Redis: another process (a fresh limiter on another client) sees it.
    const other = createRedisClient();
    try {
      await expect(consume(limiter(other, shared), "a")).rejects.toBeInstanceOf(TooManyAttempts);
    } finally {
      other.disconnect();
    }
  });

  it("still limits, per process, while Redis is down", async () => {
    const down = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}` });
    try {
      const limit = limiter(down, rule(2));
      await consume(limit, "a");
      await consume(limit, "a");
      await expect(consume(limit, "a")).rejects.toBeInstanceOf(TooManyAttempts);
    } finally {
      down.disconnect();
    }
  });
});
