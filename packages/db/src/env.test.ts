import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { describe, expect, it } from "vitest";
import { EnvError, findRepoRoot, KNOWN_EXAMPLE_AUTH_SECRETS, loadDotenvFiles, logLevel, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/shop", AUTH_SECRET: "a".repeat(32) };

describe("environment", () => {
  it("fills safe defaults around the required variables", () => {
    const env = parseEnv(valid);
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect([env.DATABASE_POOL_QUEUE_MAX, env.DATABASE_POOL_WAIT_MS]).toEqual([100, 2_000]);
    expect(env.NODE_ENV).toBe("development");
  });

  it("caps request bodies and tRPC batches by default, and refuses a batch limit under 10", () => {
    expect(parseEnv(valid)).toMatchObject({ API_BODY_LIMIT_BYTES: 1_048_576, AUTH_BODY_LIMIT_BYTES: 65_536, WEBHOOK_BODY_LIMIT_BYTES: 524_288, TRPC_MAX_BATCH_SIZE: 25 });
    expect(parseEnv({ ...valid, API_BODY_LIMIT_BYTES: "2097152" }).API_BODY_LIMIT_BYTES).toBe(2_097_152);
    expect(() => parseEnv({ ...valid, TRPC_MAX_BATCH_SIZE: "9" })).toThrowError(/TRPC_MAX_BATCH_SIZE/);
  });

  it("trusts X-Forwarded-For from loopback proxies by default, from a listed set, or from none", () => {
    expect(parseEnv(valid).TRUSTED_PROXIES).toEqual(["loopback"]);
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.7,uniquelocal" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.0.2.7", "uniquelocal"]);
    expect(parseEnv({ ...valid, TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toEqual([]);
    expect(() => parseEnv({ ...valid, TRUSTED_PROXIES: "my-proxy.internal" })).toThrowError(/TRUSTED_PROXIES: invalid IP address: my-proxy.internal/);
  });

  it("reads DATABASE_REPLICA_URL as a list of postgresql:// URLs, empty by default, naming a bad entry", () => {
    expect(parseEnv(valid).DATABASE_REPLICA_URL).toEqual([]);
    expect(parseEnv({ ...valid, DATABASE_REPLICA_URL: "postgresql://r1/shop, postgres://r2:5433/shop" }).DATABASE_REPLICA_URL).toEqual([
      "postgresql://r1/shop",
      "postgres://r2:5433/shop",
    ]);
    expect(() => parseEnv({ ...valid, DATABASE_REPLICA_URL: "postgresql://r1/shop,redis://r2" })).toThrowError(
      /DATABASE_REPLICA_URL: entry 2 must be a postgresql:\/\/ URL/,
    );
  });

  it("reads Redis Sentinel or Cluster nodes as host:port lists, one of the two, a sentinel list with its master's name", () => {
    expect(parseEnv({ ...valid, REDIS_SENTINELS: "10.0.0.1:26379, sentinel-b:26380", REDIS_SENTINEL_NAME: "shop" })).toMatchObject({
      REDIS_SENTINELS: [{ host: "10.0.0.1", port: 26379 }, { host: "sentinel-b", port: 26380 }],
      REDIS_SENTINEL_NAME: "shop",
    });
    expect(parseEnv({ ...valid, REDIS_CLUSTER_NODES: "redis-1:7000" }).REDIS_CLUSTER_NODES).toEqual([{ host: "redis-1", port: 7000 }]);
    expect(parseEnv(valid).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(() => parseEnv({ ...valid, REDIS_CLUSTER_NODES: "redis-1" })).toThrowError(/REDIS_CLUSTER_NODES: "redis-1" is not host:port/);
    expect(() => parseEnv({ ...valid, REDIS_SENTINELS: "a:26379" })).toThrowError(/REDIS_SENTINEL_NAME: missing \(required with REDIS_SENTINELS/);
    expect(() => parseEnv({ ...valid, REDIS_SENTINEL_NAME: "shop" })).toThrowError(/REDIS_SENTINEL_NAME: only used with REDIS_SENTINELS/);
    expect(() => parseEnv({ ...valid, REDIS_SENTINELS: "a:26379", REDIS_SENTINEL_NAME: "shop", REDIS_CLUSTER_NODES: "b:7000" })).toThrowError(
      /REDIS_CLUSTER_NODES: set either REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both/,
    );
    expect(() => parseEnv({ ...valid, REDIS_CLUSTER_NODES: "b:7000", REDIS_KEY_PREFIX: "{shop}:" })).toThrowError(/REDIS_KEY_PREFIX: no \{ or \}/);
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

describe("production guard", () => {
  const root = join(import.meta.dirname, "..", "..", "..");
  const committed = async (file: string) => parseDotenv(await readFile(join(root, file), "utf8"));
  // What a real deployment sets: a random secret, Stripe, https URLs.
  const safe = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://shop:pw@db.internal:5432/shop",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_live_1",
    STRIPE_WEBHOOK_SECRET: "whsec_1",
    STRIPE_PUBLISHABLE_KEY: "pk_live_1",
    STOREFRONT_URL: "https://shop.example.com",
    ADMIN_URL: "https://admin.shop.example.com",
  };
  const demo = {
    ...safe,
    PAYMENT_PROVIDER: "test",
    ALLOW_TEST_PAYMENTS_IN_PRODUCTION: "i-understand-orders-are-not-charged",
    PAYMENT_TEST_WEBHOOK_SECRET: randomBytes(24).toString("base64"),
  };
  const problems = (source: Record<string, string | undefined>) => {
    try {
      parseEnv(source);
      return "";
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      return (error as Error).message;
    }
  };

  it("accepts a safe production configuration, and a demo one with the test payments opt-in", () => {
    expect(parseEnv(safe).NODE_ENV).toBe("production");
    expect(parseEnv(demo).PAYMENT_PROVIDER).toBe("test");
    expect(parseEnv({ ...safe, STOREFRONT_URL: "http://localhost:3000", ADMIN_URL: "http://localhost:3001", ALLOW_HTTP_APP_URLS: "true" }).ADMIN_URL).toBe(
      "http://localhost:3001",
    );
    for (const host of ["127.0.0.1:4010", "localhost:4010", "[::1]:4010"]) {
      expect(parseEnv({ ...safe, STRIPE_API_URL: `http://${host}` }).STRIPE_API_URL).toBe(`http://${host}`);
    }
  });

  it("refuses the committed .env as it stands, naming each unsafe variable in one message", async () => {
    const message = problems({ ...(await committed(".env")), NODE_ENV: "production" });
    expect(message).toMatch(/^Invalid environment configuration:/);
    expect(message).toMatch(/AUTH_SECRET: a published example value/);
    expect(message).toMatch(/PAYMENT_PROVIDER: missing \("test" marks orders paid without charging anyone[^)]*ALLOW_TEST_PAYMENTS_IN_PRODUCTION=i-understand-orders-are-not-charged/);
    expect(message).toMatch(/PAYMENT_TEST_WEBHOOK_SECRET: missing \(the public default lets anyone forge payment webhooks/);
    expect(message).toMatch(/STOREFRONT_URL: must be an https:\/\/ URL in production/);
    expect(message).toMatch(/ADMIN_URL: must be an https:\/\/ URL in production/);
  });

  it("refuses every AUTH_SECRET published in .env or .env.example, and a short one", async () => {
    const published = [(await committed(".env")).AUTH_SECRET, (await committed(".env.example")).AUTH_SECRET];
    expect(KNOWN_EXAMPLE_AUTH_SECRETS).toEqual(expect.arrayContaining(published));
    for (const secret of KNOWN_EXAMPLE_AUTH_SECRETS) {
      expect(problems({ ...safe, AUTH_SECRET: secret })).toMatch(/AUTH_SECRET: a published example value/);
    }
    expect(problems({ ...safe, AUTH_SECRET: "x".repeat(31) })).toMatch(/AUTH_SECRET: at least 32 characters/);
  });

  it("refuses the test payment provider without the opt-in, a wrong opt-in value, and the public webhook secret with it", () => {
    const { ALLOW_TEST_PAYMENTS_IN_PRODUCTION: _optIn, ...noOptIn } = demo;
    expect(problems(noOptIn)).toMatch(/PAYMENT_PROVIDER: "test" marks orders paid without charging anyone/);
    expect(problems({ ...demo, ALLOW_TEST_PAYMENTS_IN_PRODUCTION: "true" })).toMatch(/ALLOW_TEST_PAYMENTS_IN_PRODUCTION: /);
    expect(problems({ ...demo, PAYMENT_TEST_WEBHOOK_SECRET: "whsec_local_test_provider_secret" })).toMatch(
      /PAYMENT_TEST_WEBHOOK_SECRET: the public default lets anyone forge payment webhooks/,
    );
    const { PAYMENT_TEST_WEBHOOK_SECRET: _secret, ...defaultSecret } = demo;
    expect(problems(defaultSecret)).toMatch(/PAYMENT_TEST_WEBHOOK_SECRET: missing \(the public default/);
  });

  it("refuses http:// app URLs unless explicitly allowed", () => {
    expect(problems({ ...safe, STOREFRONT_URL: "http://shop.example.com" })).toMatch(/STOREFRONT_URL: must be an https:\/\/ URL/);
    expect(problems({ ...safe, ADMIN_URL: "http://admin.example.com" })).toMatch(/ADMIN_URL: must be an https:\/\/ URL/);
    expect(problems({ ...safe, ADMIN_URL: "http://admin.example.com", ALLOW_HTTP_APP_URLS: "false" })).toMatch(/ADMIN_URL: must be an https/);
  });

  it("refuses STRIPE_API_URL unless it points at a loopback host", () => {
    for (const url of ["https://api.stripe.example", "http://10.0.0.5:4010", "http://127.0.0.1.evil.example"]) {
      expect(problems({ ...safe, STRIPE_API_URL: url })).toMatch(/STRIPE_API_URL: only for a local Stripe stub/);
    }
  });

  it("leaves development and tests alone, and lets `next build` prerender with any settings", () => {
    const local = { ...valid, AUTH_SECRET: KNOWN_EXAMPLE_AUTH_SECRETS[0], STRIPE_API_URL: "https://api.stripe.example" };
    expect(parseEnv(local).PAYMENT_PROVIDER).toBe("test");
    expect(parseEnv({ ...local, NODE_ENV: "test" }).NODE_ENV).toBe("test");
    expect(parseEnv({ ...local, NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NODE_ENV).toBe("production");
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
