import { describe, expect, it } from "vitest";
import { createPrismaClient, disconnectPrisma, getPrisma, prisma } from "./index";
import { withClient } from "./postgres/admin";
import { env } from "./env";

describe("prisma client", () => {
  it("connects to PostgreSQL 16 and runs a query", async () => {
    const [row] = await prisma.$queryRaw<{ version: string; one: number }[]>`SELECT version() AS version, 1 AS one`;
    expect(row?.one).toBe(1);
    expect(row?.version).toMatch(/^PostgreSQL 16\./);
  });

  it("is one instance per process for the same database URL", () => {
    expect(getPrisma()).toBe(prisma);
  });

  it("serves 10 and then 100 parallel queries through the pool", async () => {
    for (const count of [10, 100]) {
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) => prisma.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n FROM pg_sleep(0.01)`),
      );
      expect(results.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it("never opens more connections than DATABASE_POOL_MAX", async () => {
    const client = createPrismaClient({ poolMax: 3, applicationName: "shop-pool-test" });
    try {
      await Promise.all(Array.from({ length: 30 }, () => client.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.02)`));
      const [row] = await prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'shop-pool-test'`;
      expect(Number(row?.n)).toBeLessThanOrEqual(3);
      expect(Number(row?.n)).toBeGreaterThan(0);
    } finally {
      await client.$disconnect();
    }
  });

  it("recovers when PostgreSQL drops its connections (e.g. a restart)", async () => {
    const client = createPrismaClient({ applicationName: "shop-hiccup-test" });
    try {
      await client.$queryRaw`SELECT 1`;
      await withClient(env().DATABASE_URL, (admin) =>
        admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'shop-hiccup-test'"),
      );
      // The first query after the drop may fail on a dead connection; the pool
      // replaces it, and the next one must succeed without restarting the process.
      await client.$queryRaw`SELECT 1`.catch(() => undefined);
      const [row] = await client.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
      expect(row?.ok).toBe(1);
    } finally {
      await client.$disconnect();
    }
  });

  it("makes a fresh client after disconnecting the singleton", async () => {
    await disconnectPrisma();
    const again = getPrisma();
    expect(again).not.toBe(prisma);
    const [row] = await again.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
    expect(row?.ok).toBe(1);
  });
});
