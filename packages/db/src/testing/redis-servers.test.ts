import { describe, expect, it } from "vitest";
import { freePort } from "../postgres/embedded";
import { ensureTestRedis, redisAnswers, startRedisServer } from "./redis-servers";

describe("the test run's Redis", () => {
  it("is REDIS_URL's when that answers", async () => {
    const redis = await ensureTestRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    expect(redis).toMatchObject({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", started: false });
  });

  it("is a redis-server of its own when nothing answers there, stopped afterwards", async () => {
    const nothing = `redis://127.0.0.1:${await freePort()}`;
    const redis = await ensureTestRedis(nothing);
    expect(redis.started).toBe(true);
    expect(redis.url).not.toBe(nothing);
    expect(await redisAnswers(redis.url)).toBe(true);
    await redis.stop();
    expect(await redisAnswers(redis.url)).toBe(false);
  });

  it("is started on a given port when asked (the dev stack's, on REDIS_URL's port)", async () => {
    const port = await freePort();
    const redis = await startRedisServer({ port, detached: true });
    expect(redis.url).toBe(`redis://127.0.0.1:${port}`);
    expect(await redisAnswers(redis.url)).toBe(true);
    await redis.stop();
    expect(await redisAnswers(redis.url)).toBe(false);
  });
});
