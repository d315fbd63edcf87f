import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCaller, createInnerContext } from "@shop/api";
import { createPrismaClient } from "@shop/db";
import { postgresAnswers } from "../packages/db/src/postgres/admin";
import { freePort } from "../packages/db/src/postgres/embedded";

const root = join(import.meta.dirname, "..");
const dataDir = await mkdtemp(join(tmpdir(), "shop-dev-stack-"));
// Reachable by the `postgres` user PostgreSQL runs as when the tests run as root.
await chmod(dataDir, 0o755);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("the one-line local stack", () => {
  it("starts PostgreSQL, migrates, seeds, serves the API, and leaves nothing running after Ctrl-C", async () => {
    const port = await freePort();
    const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/shop`;
    const stack = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/dev.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, DEV_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    stack.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => stack.on("exit", resolve));

    const deadline = Date.now() + 150_000;
    while (!output.includes("[dev] ready") && Date.now() < deadline && stack.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output, output).toContain("[dev] ready");
    expect(output).toContain("PostgreSQL 16: embedded");
    expect(output).toContain("empty database: seeding");

    // The seeded shop answers through the API, against the stack's database.
    const db = createPrismaClient({ url: databaseUrl });
    try {
      const products = await createCaller(createInnerContext({ session: null, db })).product.list({});
      expect(products.items.length).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }

    stack.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(await postgresAnswers(databaseUrl.replace("/shop", "/postgres"), 1_000)).toBe(false);
  });
});
