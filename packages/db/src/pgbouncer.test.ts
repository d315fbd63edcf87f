import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { env, findRepoRoot } from "./env";
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

// Transaction pooling hands each transaction whichever server connection is free, so
// session state would leak to another client or vanish. A grep, so a new use fails here
// rather than in production behind PgBouncer.
const sessionState: [string, RegExp][] = [
  ["session-level advisory lock (use pg_advisory_xact_lock)", /pg_(try_)?advisory_lock(_shared)?\s*\(/],
  ["SET without LOCAL (use SET LOCAL inside a transaction)", /[`'"]\s*SET\s+(SESSION\s+)?(?!LOCAL\b|TRANSACTION\b)\w+\s*(=|TO\b)/i],
  ["LISTEN", /[`'"]\s*LISTEN\s/i],
  ["temporary table", /CREATE\s+(TEMP|TEMPORARY)\s+TABLE/i],
  ["named prepared statement", /\.query\(\s*\{[^}]*\bname\s*:/],
  ["pg-boss notify (LISTEN on a pooled connection)", /\bnotify\s*:\s*true/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "generated", ".next", "testing", "test"].includes(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("session state (what PgBouncer's transaction mode cannot carry)", () => {
  it("is used nowhere in the apps, packages or scripts", () => {
    const root = findRepoRoot(import.meta.dirname);
    const folders = ["packages", "apps", "scripts"].map((folder) => join(root, folder));
    const files = folders.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return sessionState.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${relative(root, file)}: ${what}`);
    });
    expect(found).toEqual([]);
  });
});
