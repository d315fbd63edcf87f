import { randomUUID } from "node:crypto";
import { hashPassword, TooManyAttempts } from "@shop/api";
import { createRedisClient, prisma, redis } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../../db/src/postgres/embedded";
// Not @shop/db/testing: its index assigns NODE_ENV, which Next.js's types (in this package) make read-only.
import { medianMs } from "../../db/src/testing/timing";
import { accountDelaySec, authorizeSignIn, signInLimits, verifyCredentials } from "./sign-in";

const deps = { db: prisma, redis };
const password = "correct horse battery";

async function account() {
  const email = `sign-in-${randomUUID()}@example.test`;
  const user = await prisma.user.create({ data: { email, password: await hashPassword(password), roles: { create: { role: "CUSTOMER" } } } });
  return { id: user.id, email };
}

/** Resolves to the refusal, or fails the test if the attempt was let through. */
const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => expect.fail("expected the attempt to be refused"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(TooManyAttempts);
      return error as TooManyAttempts;
    },
  );


describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown e-mail", async () => {
    const user = await account();
    expect(await authorizeSignIn(deps, { email: user.email.toUpperCase(), password, ip: "192.0.2.1" })).toMatchObject({ id: user.id, roles: ["CUSTOMER"] });
    expect(await authorizeSignIn(deps, { email: user.email, password: "wrong", ip: "192.0.2.1" })).toBeNull();
    expect(await verifyCredentials(prisma, `nobody-${randomUUID()}@example.test`, password)).toBeNull();
  });

  it("costs the same for an unknown e-mail as for a wrong password", async () => {
    const user = await account();
    const check = async (email: string) => expect(await verifyCredentials(prisma, email, "a wrong guess")).toBeNull();
    const { known, unknown } = await medianMs(15, { known: () => check(user.email), unknown: () => check(`nobody-${randomUUID()}@example.test`) });
    console.info(`sign-in check: known e-mail ${known.toFixed(1)} ms, unknown e-mail ${unknown.toFixed(1)} ms (medians of 15)`);
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it("refuses an account from one address after a few tries, saying how long to wait, without touching other addresses", async () => {
    const user = await account();
    for (let i = 0; i < signInLimits.perAccountAndAddress.points; i++) {
      expect(await authorizeSignIn(deps, { email: user.email, password: `guess-${i}`, ip: "192.0.2.2" })).toBeNull();
    }
    const refused = await refusal(authorizeSignIn(deps, { email: user.email, password, ip: "192.0.2.2" }));
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(signInLimits.perAccountAndAddress.durationSec * 1000);
    expect(refused.message).toMatch(/try again in \d+ s/);
    expect(await authorizeSignIn(deps, { email: user.email, password, ip: "192.0.2.3" })).toMatchObject({ id: user.id });
  });

  it("resets an address's tries on success", async () => {
    const user = await account();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < signInLimits.perAccountAndAddress.points - 1; i++) {
        expect(await authorizeSignIn(deps, { email: user.email, password: "typo", ip: "192.0.2.4" })).toBeNull();
      }
      expect(await authorizeSignIn(deps, { email: user.email, password, ip: "192.0.2.4" })).toMatchObject({ id: user.id });
    }
  });

  it("slows a guesser rotating addresses to one try per growing delay, while the owner still gets in", async () => {
    const user = await account();
    // The owner signed in from home before.
    expect(await authorizeSignIn(deps, { email: user.email, password, ip: "198.51.100.1" })).toMatchObject({ id: user.id });
    let verified = 0;
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      const outcome = await authorizeSignIn(deps, { email: user.email, password: `guess-${i}`, ip: `10.7.${i >> 8}.${i & 255}` }).catch((e: unknown) => e);
      if (outcome instanceof TooManyAttempts) waits.push(outcome.retryAfterMs);
      else verified++;
    }
    // The free tries, then one whose failure closes the gate for 1 s; should the loop outlast
    // that second, one more gets through and closes it for far longer (refusals count too).
    expect(verified).toBeGreaterThanOrEqual(signInLimits.perAccount.points + 1);
    expect(verified).toBeLessThanOrEqual(signInLimits.perAccount.points + 2);
    expect(waits).toHaveLength(40 - verified);
    expect(Math.min(...waits)).toBeGreaterThan(0);
    // Not a lockout: the owner from their own address signs in, at once.
    expect(await authorizeSignIn(deps, { email: user.email, password, ip: "198.51.100.1" })).toMatchObject({ id: user.id });
    // From a new address the owner is asked to wait, like anyone, rather than refused for good.
    const wait = await refusal(authorizeSignIn(deps, { email: user.email, password, ip: "198.51.100.99" }));
    expect(wait.retryAfterMs).toBeLessThanOrEqual(signInLimits.maxDelaySec * 1000);
  });

  it("doubles the delay after each try beyond the free ones, up to the cap", () => {
    const free = signInLimits.perAccount.points;
    expect([free + 1, free + 2, free + 3, free + 4].map(accountDelaySec)).toEqual([1, 2, 4, 8]);
    expect(accountDelaySec(free + 100)).toBe(signInLimits.maxDelaySec);
  });

  it("caps one address trying many accounts", async () => {
    const ip = "192.0.2.50";
    const attempt = () => authorizeSignIn(deps, { email: `nobody-${randomUUID()}@example.test`, password: "guess", ip });
    for (let i = 0; i < signInLimits.perAddress.points; i++) expect(await attempt()).toBeNull();
    const refused = await refusal(attempt());
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    // Another address is unaffected.
    expect(await authorizeSignIn(deps, { email: `nobody-${randomUUID()}@example.test`, password: "guess", ip: "192.0.2.51" })).toBeNull();
  });

  it("still limits, per process, while Redis is down", async () => {
    const user = await account();
    const down = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}` });
    try {
      const outage = { db: prisma, redis: down };
      for (let i = 0; i < signInLimits.perAccountAndAddress.points; i++) {
        expect(await authorizeSignIn(outage, { email: user.email, password: "guess", ip: "192.0.2.60" })).toBeNull();
      }
      await refusal(authorizeSignIn(outage, { email: user.email, password, ip: "192.0.2.60" }));
    } finally {
      down.disconnect();
    }
  });
});
