import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { env } from "./env";
import { applyDatabaseSettings, databaseName } from "./postgres/admin";
import { isDatabaseUnavailable } from "./pool";
import { pgbouncerAvailable, startPgBouncer, throughPgBouncer, type RunningPgBouncer } from "./testing/pgbouncer";

// PgBouncer in transaction mode refuses startup parameters it does not track and hands
// each transaction whichever server connection is free: the statement timeout must come
// from the database (db:migrate) and from the transaction itself, never from the session.
describe.skipIf(!pgbouncerAvailable())("through PgBouncer in transaction mode", () => {
  let bouncer: RunningPgBouncer;
  let url: string;

  beforeAll(async () => {
    await applyDatabaseSettings(env().DATABASE_URL, { statementTimeoutMs: 300 });
    bouncer = await startPgBouncer({ serverUrl: env().DATABASE_URL, databases: [databaseName(env().DATABASE_URL)] });
    url = throughPgBouncer(bouncer, env().DATABASE_URL);
  });
  afterAll(async () => {
    await bouncer?.stop();
  });

  it("runs queries (no startup parameter PgBouncer refuses)", async () => {
    const client = createPrismaClient({ url });
    try {
      const [row] = await client.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
      expect(row?.one).toBe(1);
    } finally {
      await client.$disconnect();
    }
  });

  it("cancels a plain query that outlasts the database's statement timeout", async () => {
    const client = createPrismaClient({ url });
    try {
      await expect(client.$queryRaw`SELECT pg_sleep(3)`).rejects.toThrow(/statement timeout/);
    } finally {
      await client.$disconnect();
    }
  });

  it("sets the process's own timeout in each $transaction, cancels past it, and leaves the connection as it found it", async () => {
    const client = createPrismaClient({ url, statementTimeoutMs: 200, poolMax: 2 });
    try {
      const inside = await client.$transaction(async (tx) => tx.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`);
      expect(inside[0]?.timeout).toBe("200ms");
      await expect(client.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(3)`)).rejects.toThrow(/statement timeout/);
      // SET LOCAL ends with its transaction: the server connection PgBouncer hands on keeps the database's default.
      const after = await client.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`;
      expect(after[0]?.timeout).toBe("300ms");
    } finally {
      await client.$disconnect();
    }
  });

  it("answers a client that waited past PgBouncer's query_wait_timeout as 'database unavailable' (a retryable 503), for raw and model queries", async () => {
    const small = await startPgBouncer({ serverUrl: env().DATABASE_URL, databases: [databaseName(env().DATABASE_URL)], poolSize: 1, queryWaitTimeoutSeconds: 1 });
    const client = createPrismaClient({ url: throughPgBouncer(small, env().DATABASE_URL), poolMax: 3 });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const holding = new Promise<void>((resolve) => (started = resolve));
    // PgBouncer's only server connection stays in this transaction until both queries have failed.
    const holder = client.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        started();
        await held;
      },
      { timeout: 30_000 },
    );
    try {
      await holding;
      const failures = await Promise.all([client.$queryRaw`SELECT 1`, client.setting.findMany()].map((query) => query.then(() => null, (error: unknown) => error)));
      for (const failure of failures) {
        expect(String(failure)).toMatch(/query_wait_timeout/);
        expect(isDatabaseUnavailable(failure)).toBe(true);
      }
    } finally {
      release();
      await holder.catch(() => {});
      await client.$disconnect();
      await small.stop();
    }
  });
});
