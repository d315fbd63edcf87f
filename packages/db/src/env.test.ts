import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/shop" };

describe("environment", () => {
  it("fills safe defaults around the one required variable", () => {
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
});
