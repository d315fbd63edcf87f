import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { TEST_PAYMENTS_OPT_IN } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../packages/db/src/postgres/embedded";
import { appsBuilt } from "./support/apps";

const root = join(import.meta.dirname, "..");

/**
 * A production process given the committed .env as it stands (its AUTH_SECRET, the
 * test payment provider by default, http:// URLs): every process must refuse to start.
 * The test's own database and Redis stay, so nothing but the guard can stop them.
 */
const unset = new Set(["PAYMENT_PROVIDER", "PAYMENT_TEST_WEBHOOK_SECRET", "ALLOW_TEST_PAYMENTS_IN_PRODUCTION", "ALLOW_HTTP_APP_URLS", "NEXT_PHASE"]);
const committedEnvInProduction: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.has(name))),
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: "local-development-only-secret-not-for-production-0000",
  STOREFRONT_URL: "http://localhost:3000",
  ADMIN_URL: "http://localhost:3001",
};

/** Runs a command to its end (bounded), returning its exit code and everything it printed. */
function run(command: string, args: string[], cwd = root, environment = committedEnvInProduction, timeout = 90_000) {
  const result = spawnSync(command, args, { cwd, env: environment, encoding: "utf8", timeout, killSignal: "SIGKILL" });
  return { code: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
}

function expectRefusal(result: ReturnType<typeof run>, who: string) {
  expect(result.signal, `${who} was still running at the time limit:\n${result.output}`).toBeNull();
  expect(result.code, result.output).toBe(1);
  expect(result.output).toContain(`${who} refuses to start. Invalid environment configuration:`);
  for (const variable of ["AUTH_SECRET", "PAYMENT_PROVIDER", "PAYMENT_TEST_WEBHOOK_SECRET", "STOREFRONT_URL", "ADMIN_URL"]) {
    expect(result.output).toMatch(new RegExp(`^\\s+${variable}: `, "m"));
  }
}

describe("with NODE_ENV=production and the committed .env", () => {
  it.each(["storefront", "admin"])("the %s app's production server refuses to start, naming each unsafe variable", async (app) => {
    expect(appsBuilt(), "the apps have no production build: run `pnpm build` first (`pnpm test` does)").toBe(true);
    const port = await freePort();
    const result = run(join(root, "apps", app, "node_modules", ".bin", "next"), ["start", "--port", String(port)], join(root, "apps", app));
    expectRefusal(result, `The ${app} app`);
  });

  it("the worker refuses to start", () => {
    expectRefusal(run(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"]), "The worker");
  });

  it("the migration script refuses to run", () => {
    const result = run(process.execPath, ["--import", "tsx", "scripts/migrate.ts"]);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/Invalid environment configuration:[\s\S]*AUTH_SECRET: a published example value/);
  });
});

it("the seed script refuses production even with safe settings: its accounts have published passwords", () => {
  const safe = {
    ...committedEnvInProduction,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PAYMENT_PROVIDER: "test",
    ALLOW_TEST_PAYMENTS_IN_PRODUCTION: TEST_PAYMENTS_OPT_IN,
    PAYMENT_TEST_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
    ALLOW_HTTP_APP_URLS: "true",
  };
  const result = run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], root, safe);
  expect(result.code, result.output).toBe(2);
  expect(result.output).toContain("refuses to run with NODE_ENV=production");
});
