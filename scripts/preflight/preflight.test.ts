import { spawn } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/db/src/postgres/embedded";

const root = join(import.meta.dirname, "..", "..");
const bare = await mkdtemp(join(tmpdir(), "shop-bare-path-"));
afterAll(() => rm(bare, { recursive: true, force: true }));

/** Runs `pnpm test`'s pre-flight as on a machine whose PATH holds only Node. */
async function preflight(env: Record<string, string>) {
  await symlink(process.execPath, join(bare, "node")).catch(() => {});
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/preflight.ts"], {
    cwd: root,
    env: { NODE_ENV: "test", HOME: process.env.HOME ?? "/root", PATH: bare, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, stderr };
}

describe("pnpm test's pre-flight", () => {
  it("stops at once with one line naming what to install when Redis and Chromium are missing", async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const { code, stderr } = await preflight({ REDIS_URL: closed, CHROMIUM_PATH: join(bare, "no-chromium") });
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`redis-server and redis-cli (nothing answers at ${closed}; the Sentinel and Cluster tests start their own)`);
    expect(lines[0]).toContain(`Chromium at ${join(bare, "no-chromium")}`);
    expect(lines[0]).toMatch(/apt-get install -y chromium redis-server/);
  });

  it("passes when everything is there", async () => {
    const { code, stderr } = await preflight({ PATH: process.env.PATH ?? "", CHROMIUM_PATH: process.execPath });
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("in CI, asks for pgbouncer too", async () => {
    const { code, stderr } = await preflight({ CI: "true", REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", CHROMIUM_PATH: process.execPath });
    expect(code).toBe(1);
    expect(stderr).toMatch(/pgbouncer \(CI runs part of the suite through it\).*apt-get install -y redis-server pgbouncer/);
  });
});
