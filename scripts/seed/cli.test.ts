import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/db/src/postgres/embedded";
import { createPrismaClient } from "../../packages/db/src/client";
import { createEmptyTestDatabase, createTestDatabase, dropTestDatabase } from "../../packages/db/src/testing";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropTestDatabase(name);
});

// Five products and four orders: the command's handling is under test here, the seed's
// content in seed.test.ts (the default history is 96 checkouts, over a minute without Redis).
async function seedCli(databaseUrl: string, redisUrl: string, args = ["--size", "5", "--orders", "4"]) {
  return run(join(root, "node_modules", ".bin", "tsx"), ["scripts/seed.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, LOG_LEVEL: "silent" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("seed command", () => {
  it("says to migrate first, and fails, on a database without the schema", async () => {
    const db = await createEmptyTestDatabase("seed-nomigrations");
    created.push(db.name);
    const result = await seedCli(db.url, process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no schema yet.*pnpm db:migrate/);
  });

  it("carries on without the cache when Redis is down, and prints the accounts", async () => {
    const db = await createTestDatabase("seed-noredis");
    created.push(db.name);
    const result = await seedCli(db.url, `redis://127.0.0.1:${await freePort()}`);
    expect(result.stderr).toMatch(/not answering: seeding without the cache/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Seeded in .*: 5 products, 8 customers, 4 orders/);
    expect(result.stdout).toMatch(/admin@shop\.local/);
  });

  it("takes DATABASE_URL from .env.local over .env, as the apps do (importing Prisma's client loads .env first)", async () => {
    const db = await createTestDatabase("seed-envlocal");
    created.push(db.name);
    // A project folder of its own (found by its pnpm-workspace.yaml) whose .env points nowhere.
    const project = await mkdtemp(join(tmpdir(), "shop-envlocal-"));
    try {
      await writeFile(join(project, "pnpm-workspace.yaml"), "packages: []\n");
      await writeFile(join(project, ".env"), "DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:1/nowhere\n");
      await writeFile(join(project, ".env.local"), `DATABASE_URL=${db.url}\n`);
      const { DATABASE_URL: _ignored, ...environment } = process.env;
      const result = await run(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "seed.ts"), "--size", "2", "--orders", "0"], {
        cwd: project,
        env: { ...environment, LOG_LEVEL: "silent" },
      }).then(({ stdout }) => stdout);
      expect(result).toMatch(/Seeded in .*: 2 products/);
      const seeded = createPrismaClient({ url: db.url });
      try {
        expect(await seeded.product.count()).toBe(2);
      } finally {
        await seeded.$disconnect();
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it("refuses a size or an order count it does not understand", async () => {
    const size = await seedCli("postgresql://unused@127.0.0.1:1/x", "redis://127.0.0.1:1", ["--size", "huge"]);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--size takes small, 10k, 100k or a number/);
    const orders = await seedCli("postgresql://unused@127.0.0.1:1/x", "redis://127.0.0.1:1", ["--orders=-1"]);
    expect(orders.code).toBe(2);
    expect(orders.stderr).toMatch(/--orders takes a number of orders/);
  });
});
