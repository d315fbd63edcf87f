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
  /** The first storefront (the only one unless `storefronts` asked for more). */
  storefront: string;
  /** Every storefront instance, on one database and Redis. */
  storefronts: string[];
  admin: string;
  /** The first storefront's and the admin's `next start` server processes (for reading their memory from /proc). */
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
 * Starts the apps' production builds (`next start`) on free ports: `storefronts`
 * storefront instances (one by default; several to prove they share state through
 * Redis and PostgreSQL only) and the admin, and the job worker beside them (it releases
 * expired reservations), against the database and Redis prefix of this process's
 * environment (in tests, the test file's own, set by the vitest setup file), with
 * `overrides` on top. The production settings go into this process's environment too,
 * which the apps and the worker inherit, so a test signing webhooks with
 * env().PAYMENT_TEST_WEBHOOK_SECRET uses the apps' secret. Every storefront is told the
 * first one's URL as STOREFRONT_URL: behind a load balancer they share one public origin.
 */
export async function startApps(overrides: Record<string, string> = {}, { storefronts = 1 } = {}): Promise<RunningApps> {
  if (!appsBuilt()) throw new Error("the apps have no production build: run `pnpm build` first (`pnpm test` does).");
  overrideEnv(productionSettings);
  const instances = [...Array.from({ length: storefronts }, () => "storefront" as const), "admin" as const];
  const free = new Set<number>();
  while (free.size < instances.length) free.add(await freePort());
  const ports = [...free];
  const url = (index: number) => `http://localhost:${ports[index]}`;
  const urls = { storefront: url(0), admin: url(instances.length - 1) };
  let output = "";
  const servers = instances.map((app, index) => {
    const label = app === "storefront" && storefronts > 1 ? `storefront ${index + 1}` : app;
    const server = spawn(join(root, "apps", app, "node_modules", ".bin", "next"), ["start", "--port", String(ports[index])], {
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
    server.on("error", (error) => (output += `[${label}] failed to start: ${error.message}\n`));
    server.stdout.on("data", (chunk: Buffer) => (output += `[${label}] ${chunk.toString()}`));
    server.stderr.on("data", (chunk: Buffer) => (output += `[${label}] ${chunk.toString()}`));
    return server;
  });

  const worker = spawnWorker({ env: { NODE_ENV: "production", STOREFRONT_URL: urls.storefront, ADMIN_URL: urls.admin, ...overrides }, detached: true });

  const stop = async () => {
    await Promise.all([...servers, worker.child].map((child) => stopProcessGroup(child)));
  };
  const everything = () => `${output}${worker.output().replace(/^(?=.)/gm, "[worker] ")}`;
  try {
    for (const index of instances.keys()) await waitForHttp(`${url(index)}/api/trpc/health.check`, (response) => response.ok, 60_000);
    await worker.started(60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${everything().slice(-3000)}`);
  }
  return {
    ...urls,
    storefronts: instances.slice(0, -1).map((_, index) => url(index)),
    pids: { storefront: servers[0]?.pid ?? 0, admin: servers.at(-1)?.pid ?? 0 },
    output: everything,
    stop,
  };
}
