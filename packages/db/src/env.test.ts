import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, findRepoRoot, loadDotenvFiles, logLevel, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/shop", AUTH_SECRET: "a".repeat(32) };

describe("environment", () => {
  it("fills safe defaults around the required variables", () => {
    const env = parseEnv(valid);
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.NODE_ENV).toBe("development");
  });

  it("coerces numbers given as strings", () => {
    expect(parseEnv({ ...valid, DATABASE_POOL_MAX: "25" }).DATABASE_POOL_MAX).toBe(25);
  });

  it("fails fast naming a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrowError(EnvError);
    expect(() => parseEnv({})).toThrowError(/DATABASE_URL: missing/);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrowError(/AUTH_SECRET: at least 32 characters/);
  });

  it("names every invalid variable in one message", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x@y/z", REDIS_URL: "http://nope", DATABASE_POOL_MAX: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(message).toMatch(/REDIS_URL: must be a redis:\/\//);
    expect(message).toMatch(/DATABASE_POOL_MAX/);
    expect(message).toMatch(/\.env\.example/);
  });

  it("requires Stripe's three keys, each of its kind, only when Stripe takes the payments", () => {
    expect(parseEnv(valid).STRIPE_PUBLISHABLE_KEY).toBeUndefined();
    expect(() => parseEnv({ ...valid, PAYMENT_PROVIDER: "stripe" })).toThrowError(
      /STRIPE_SECRET_KEY: missing[^]*STRIPE_WEBHOOK_SECRET: missing[^]*STRIPE_PUBLISHABLE_KEY: missing \(required when PAYMENT_PROVIDER=stripe\)/,
    );
    const stripe = { ...valid, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" };
    expect(() => parseEnv({ ...stripe, STRIPE_PUBLISHABLE_KEY: "sk_test_1" })).toThrowError(/STRIPE_PUBLISHABLE_KEY: .*pk_/);
    expect(parseEnv({ ...stripe, STRIPE_PUBLISHABLE_KEY: "pk_test_1" }).STRIPE_PUBLISHABLE_KEY).toBe("pk_test_1");
  });
});

describe("dotenv files", () => {
  it("finds the repository root from a nested folder", () => {
    expect(findRepoRoot(import.meta.dirname)).toBe(join(import.meta.dirname, "..", "..", ".."));
  });

  it("lets the process environment win over .env.local, and .env.local over .env", async () => {
    const root = await mkdtemp(join(tmpdir(), "shop-env-"));
    try {
      await mkdir(join(root, "nested"));
      await writeFile(join(root, "pnpm-workspace.yaml"), "packages: []\n");
      await writeFile(join(root, ".env"), "SHOP_T_A=from-env\nSHOP_T_B=from-env\nSHOP_T_C=from-env\n");
      await writeFile(join(root, ".env.local"), "SHOP_T_B=from-local\nSHOP_T_C=from-local\n");
      process.env.SHOP_T_C = "from-process";
      loadDotenvFiles(findRepoRoot(join(root, "nested")));
      expect([process.env.SHOP_T_A, process.env.SHOP_T_B, process.env.SHOP_T_C]).toEqual([
        "from-env",
        "from-local",
        "from-process",
      ]);
    } finally {
      delete process.env.SHOP_T_A;
      delete process.env.SHOP_T_B;
      delete process.env.SHOP_T_C;
      await rm(root, { recursive: true, force: true });
    }
  });

  it("falls back to info for an unknown log level", () => {
    const saved = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "loud";
    try {
      expect(logLevel()).toBe("info");
    } finally {
      process.env.LOG_LEVEL = saved;
    }
  });
});
