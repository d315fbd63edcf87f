import { env, getPrisma, overrideEnv, prisma } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../../db/src/postgres/embedded";
import { readinessHandler } from "./ready";

const answer = async () => {
  const response = await readinessHandler();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { status: string; reason?: string } };
};

describe("GET /api/ready", () => {
  it("is 200 while PostgreSQL answers and every migration finished", async () => {
    expect(await answer()).toEqual({ status: 200, retryAfter: null, body: { status: "ready" } });
  });

  it("is 503 with Retry-After while a migration is left unfinished", async () => {
    await prisma.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ('ready-test', 'x', 'ready_test_unfinished', now())`;
    try {
      const { status, retryAfter, body } = await answer();
      expect([status, Number(retryAfter) > 0, body.reason]).toEqual([503, true, "a database migration is unfinished"]);
    } finally {
      await prisma.$executeRaw`DELETE FROM _prisma_migrations WHERE id = 'ready-test'`;
    }
  });

  it("is 503 with Retry-After, quickly, when PostgreSQL cannot be reached", async () => {
    const reachable = env().DATABASE_URL;
    overrideEnv({ DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres` });
    try {
      const started = Date.now();
      const { status, retryAfter, body } = await answer();
      expect([status, Number(retryAfter) > 0, body.reason]).toEqual([503, true, "the database is unavailable"]);
      expect(Date.now() - started).toBeLessThan(2_500);
      await getPrisma().$disconnect();
    } finally {
      overrideEnv({ DATABASE_URL: reachable });
    }
    expect((await answer()).status).toBe(200);
  });
});
