import { describe, expect, it } from "vitest";
import { createRedisClient, prisma, redis } from "@shop/db";
import { freePort } from "../../../db/src/postgres/embedded";
import { createUser } from "../test/helpers";
import { authorizeSignIn, signInLimits, TooManySignInAttempts } from "./auth";

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const user = await createUser();
    const deps = { db: prisma, redis };
    expect(await authorizeSignIn(deps, { email: user.email.toUpperCase(), password: user.password, ip: "192.0.2.1" })).toMatchObject({ id: user.id });
    expect(await authorizeSignIn(deps, { email: user.email, password: "wrong", ip: "192.0.2.1" })).toBeNull();
  });

  it("stops guessing after the per-account limit, without touching other addresses", async () => {
    const user = await createUser();
    const deps = { db: prisma, redis };
    for (let i = 0; i < signInLimits.perAccount; i++) {
      await authorizeSignIn(deps, { email: user.email, password: "guess", ip: "192.0.2.2" });
    }
    const error = await authorizeSignIn(deps, { email: user.email, password: user.password, ip: "192.0.2.2" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManySignInAttempts);
    expect((error as TooManySignInAttempts).retryAfterMs).toBeGreaterThan(0);
    expect(await authorizeSignIn(deps, { email: user.email, password: user.password, ip: "192.0.2.3" })).toMatchObject({ id: user.id });
  });

  it("bounds guessing at one account even when every attempt claims a new address", async () => {
    const user = await createUser();
    const deps = { db: prisma, redis };
    for (let i = 0; i < signInLimits.perAccountAllAddresses; i++) {
      await authorizeSignIn(deps, { email: user.email, password: "guess", ip: `10.1.${Math.floor(i / 250)}.${i % 250}` });
    }
    await expect(authorizeSignIn(deps, { email: user.email, password: user.password, ip: "10.9.9.9" })).rejects.toBeInstanceOf(TooManySignInAttempts);
  });

  it("still limits, per process, while Redis is down", async () => {
    const user = await createUser();
    const down = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}` });
    try {
      const deps = { db: prisma, redis: down };
      for (let i = 0; i < signInLimits.perAccount; i++) {
        await authorizeSignIn(deps, { email: user.email, password: "guess", ip: "192.0.2.4" });
      }
      await expect(authorizeSignIn(deps, { email: user.email, password: user.password, ip: "192.0.2.4" })).rejects.toBeInstanceOf(TooManySignInAttempts);
    } finally {
      down.disconnect();
    }
  });
});
