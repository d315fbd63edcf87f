import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { env } from "./env";
import { GatedPool, isDatabaseUnavailable, isPoolBusy } from "./pool";
import { freePort } from "./postgres/embedded";

const settle = <T>(work: Promise<T>) => work.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

describe("the pool's admission gate", () => {
  it("answers a burst at once: what fits runs, a bounded queue waits a bounded time, the rest is refused as busy", async () => {
    const client = createPrismaClient({ poolMax: 2, poolQueueMax: 2, poolWaitMs: 300, applicationName: "shop-gate-test" });
    try {
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => settle(client.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.8)`)),
      );
      const elapsed = Date.now() - started;
      const refused = results.filter((result) => !result.ok);
      // Two hold the connections; two wait 300 ms and give up; six are refused at once.
      expect(results.filter((result) => result.ok)).toHaveLength(2);
      expect(refused).toHaveLength(8);
      for (const result of refused) expect(isPoolBusy(result.error), String(result.error)).toBe(true);
      // Bounded by the gate's wait, not by the 5 s connect timeout.
      expect(elapsed).toBeLessThan(env().DATABASE_CONNECT_TIMEOUT_MS);
    } finally {
      await client.$disconnect();
    }
  });

  it("refuses a transaction that cannot get a connection in time as busy, and serves it once one is free", async () => {
    const client = createPrismaClient({ poolMax: 1, poolQueueMax: 5, poolWaitMs: 200 });
    try {
      const holder = client.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.6)`);
      // Let the holder take the only connection first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const late = await settle(client.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`));
      expect(late.ok).toBe(false);
      expect(isPoolBusy(late.ok ? null : late.error), String(late.ok ? "" : late.error)).toBe(true);
      await holder;
      await expect(client.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
    } finally {
      await client.$disconnect();
    }
  });

  it("hands every permit back, so a long series of queries never leaks capacity", async () => {
    const client = createPrismaClient({ poolMax: 2, poolQueueMax: 0, poolWaitMs: 100 });
    try {
      for (let i = 0; i < 50; i++) await client.$queryRaw`SELECT 1`;
      // A failing query releases its connection too.
      for (let i = 0; i < 5; i++) await settle(client.$queryRaw`SELECT 1/0`);
      const results = await Promise.all([settle(client.$queryRaw`SELECT 1`), settle(client.$queryRaw`SELECT 2`)]);
      expect(results.every((result) => result.ok)).toBe(true);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("an unreachable database", () => {
  it("fails fast with an error recognised as 'database unavailable', not as busy", async () => {
    const url = `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres`;
    const client = createPrismaClient({ url });
    try {
      const started = Date.now();
      for (const attempt of [client.$queryRaw`SELECT 1`, client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)]) {
        const result = await settle(attempt);
        expect(result.ok).toBe(false);
        const error = result.ok ? null : result.error;
        expect(isDatabaseUnavailable(error), String(error)).toBe(true);
        expect(isPoolBusy(error)).toBe(false);
      }
      expect(Date.now() - started).toBeLessThan(env().DATABASE_CONNECT_TIMEOUT_MS);
    } finally {
      await client.$disconnect();
    }
  });

  it("recognises a pool that was ended (a process shutting down) as unavailable", async () => {
    const pool = new GatedPool({ connectionString: env().DATABASE_URL, max: 1, queueMax: 0, waitMs: 100 });
    await pool.query("SELECT 1");
    await pool.end();
    const result = await settle(pool.query("SELECT 1"));
    expect(result.ok).toBe(false);
    expect(isDatabaseUnavailable(result.ok ? null : result.error)).toBe(true);
  });

  it("does not call ordinary query errors 'unavailable'", async () => {
    const client = createPrismaClient();
    try {
      const result = await settle(client.$queryRaw`SELECT 1/0`);
      expect(result.ok).toBe(false);
      expect(isDatabaseUnavailable(result.ok ? null : result.error)).toBe(false);
      expect(isPoolBusy(result.ok ? null : result.error)).toBe(false);
    } finally {
      await client.$disconnect();
    }
  });
});
