import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { overrideEnv, TEST_PAYMENTS_OPT_IN } from "@shop/db";
import { freePort } from "../../packages/db/src/postgres/embedded";
import { waitForHttp } from "../../packages/db/src/testing/processes";
import { spawnWorker } from "../../apps/worker/src/testing/process";
import { stopProcessGroup } from "../../scripts/process-group";

const root = join(import.meta.dirname, "..", "..");

export interface RunningApps {
  storefront: string;
  admin: string;
  /** The `next start` server processes (for reading their memory from /proc). */
  pids: { storefront: number; admin: number };
  /** Everything the servers printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Whether both apps have a production build to start. */
export const appsBuilt = () => ["storefront", "admin"].every((app) => existsSync(join(root, "apps", app, ".next", "BUILD_ID")));

/**
 * What the production guard (packages/db/src/env.ts) asks of these local production
 * builds, made once per test process: a fresh AUTH_SECRET, the test payment provider's
 * opt-in with a webhook secret of its own, and http://localhost URLs allowed.
 */
const productionSettings = {
  AUTH_SECRET: randomBytes(32).toString("base64"),
  ALLOW_TEST_PAYMENTS_IN_PRODUCTION: TEST_PAYMENTS_OPT_IN,
  PAYMENT_TEST_WEBHOOK_SECRET: `whsec_e2e_${randomBytes(24).toString("hex")}`,
  ALLOW_HTTP_APP_URLS: "true",
};

/**
 * Starts both apps' production builds (`next start`) on free ports, and the job
 * worker beside them (it releases expired reservations), against the database and
 * Redis prefix of this process's environment (in tests, the test file's own, set by
 * the vitest setup file), with `overrides` on top. The production settings go into
 * this process's environment too, which the apps and the worker inherit, so a test
 * signing webhooks with env().PAYMENT_TEST_WEBHOOK_SECRET uses the apps' secret.
 */
export async function startApps(overrides: Record<string, string> = {}): Promise<RunningApps> {
  if (!appsBuilt()) throw new Error("the apps have no production build: run `pnpm build` first (`pnpm test` does).");
  overrideEnv(productionSettings);
  const [storefrontPort, adminPort] = [await freePort(), await freePort()];
  const urls = { storefront: `http://localhost:${storefrontPort}`, admin: `http://localhost:${adminPort}` };
  let output = "";
  const servers = (["storefront", "admin"] as const).map((app) => {
    const server = spawn(join(root, "apps", app, "node_modules", ".bin", "next"), ["start", "--port", String(app === "admin" ? adminPort : storefrontPort)], {
      cwd: join(root, "apps", app),
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        STOREFRONT_URL: urls.storefront,
        ADMIN_URL: urls.admin,
        ...overrides,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.on("error", (error) => (output += `[${app}] failed to start: ${error.message}\n`));
    server.stdout.on("data", (chunk: Buffer) => (output += `[${app}] ${chunk.toString()}`));
    server.stderr.on("data", (chunk: Buffer) => (output += `[${app}] ${chunk.toString()}`));
    return server;
  });

  const worker = spawnWorker({ env: { NODE_ENV: "production", STOREFRONT_URL: urls.storefront, ADMIN_URL: urls.admin, ...overrides }, detached: true });

  const stop = async () => {
    await Promise.all([...servers, worker.child].map((child) => stopProcessGroup(child)));
  };
  const everything = () => `${output}${worker.output().replace(/^(?=.)/gm, "[worker] ")}`;
  try {
    for (const url of Object.values(urls)) await waitForHttp(`${url}/api/trpc/health.check`, (response) => response.ok, 60_000);
    await worker.started(60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${everything().slice(-3000)}`);
  }
  const pid = (index: number) => servers[index]?.pid ?? 0;
  return { ...urls, pids: { storefront: pid(0), admin: pid(1) }, output: everything, stop };
}
