import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { env } from "./env";
import { applyDatabaseSettings } from "./postgres/admin";
import { pgbouncerAvailable, startPgBouncer, throughPgBouncer, type RunningPgBouncer } from "./testing/pgbouncer";

// PgBouncer in transaction mode refuses startup parameters it does not track and hands
// each transaction whichever server connection is free: the statement timeout must come
// from the database (db:migrate) and from the transaction itself, never from the session.
describe.skipIf(!pgbouncerAvailable())("through PgBouncer in transaction mode", () => {
  let bouncer: RunningPgBouncer;
  let url: string;

  beforeAll(async () => {
    await applyDatabaseSettings(env().DATABASE_URL, { statementTimeoutMs: 300 });
    bouncer = await startPgBouncer({ serverUrl: env().DATABASE_URL, databases: [new URL(env().DATABASE_URL).pathname.slice(1)] });
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
});
