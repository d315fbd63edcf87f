import { randomUUID } from "node:crypto";
import { medianMs } from "@shop/db/testing";
import { describe, expect, it } from "vitest";
import { signInLimits } from "../packages/auth/src/sign-in";
import { mutate, signInOverHttp, waitOf } from "./support/http";
import { registerLimit } from "../packages/api/src/routers/auth/auth.router";
import { passwordChangeLimit } from "../packages/api/src/routers/user/user.router";
import { useShop } from "./support/shop";
import { signIn, signUp } from "./support/browser";

// Abuse of sign-in, sign-up and password change, attacked as a client would: over HTTP
// against the production builds, with X-Forwarded-For set by the "client".

const password = "owner-password-123";
const newEmail = () => `abuse-${randomUUID()}@example.test`;

async function registeredOwner(base: string, from: Record<string, string>) {
  const email = newEmail();
  expect((await mutate(base, "auth.register", { email, password, name: "Owner" }, from)).status).toBe(200);
  return email;
}

describe("behind a trusted proxy (TRUSTED_PROXIES=loopback): X-Forwarded-For names the client", () => {
  const shop = useShop({ env: { TRUSTED_PROXIES: "loopback" } });

  it("slows a stranger guessing from rotating addresses, while the owner signs in from home", async () => {
    const home = { "x-forwarded-for": "198.51.100.1" };
    const email = await registeredOwner(shop.apps.storefront, home);
    expect((await signInOverHttp(shop.apps.storefront, email, password, home)).session).not.toBeNull();

    const started = performance.now();
    const codes: (string | null)[] = [];
    for (let i = 0; i < 30; i++) {
      codes.push((await signInOverHttp(shop.apps.storefront, email, `guess-${i}`, { "x-forwarded-for": `10.20.${i >> 8}.${i & 255}` })).code);
    }
    const guessed = codes.filter((code) => code === "credentials").length;
    const waits = codes.filter((code) => code?.startsWith("rate_limited_")).map(waitOf);
    console.info(`stranger: 30 tries from 30 addresses in ${((performance.now() - started) / 1000).toFixed(1)} s, ${guessed} checked, ${waits.length} told to wait (${Math.min(...waits)}-${Math.max(...waits)} s)`);
    // The free tries and one or two more; the rest were refused before any password check.
    expect(guessed).toBeGreaterThanOrEqual(signInLimits.perAccount.points + 1);
    expect(guessed).toBeLessThanOrEqual(signInLimits.perAccount.points + 2);
    expect(waits).toHaveLength(30 - guessed);
    expect(Math.min(...waits)).toBeGreaterThan(0);

    // Not a lockout: the owner, from home, with the right password.
    expect((await signInOverHttp(shop.apps.storefront, email, password, home)).session).not.toBeNull();
  });

  it("refuses one address after a few tries at an account, saying how long to wait", async () => {
    const email = await registeredOwner(shop.apps.storefront, { "x-forwarded-for": "198.51.100.2" });
    const from = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < signInLimits.perAccountAndAddress.points; i++) {
      expect((await signInOverHttp(shop.apps.storefront, email, `guess-${i}`, from)).code).toBe("credentials");
    }
    const refused = await signInOverHttp(shop.apps.storefront, email, password, from);
    expect(refused.session).toBeNull();
    expect(waitOf(refused.code)).toBeGreaterThan(0);
    expect(waitOf(refused.code)).toBeLessThanOrEqual(signInLimits.perAccountAndAddress.durationSec);
    // The owner elsewhere is not affected.
    expect((await signInOverHttp(shop.apps.storefront, email, password, { "x-forwarded-for": "198.51.100.2" })).session).not.toBeNull();
  });

  it("tells the person at the sign-in form how long to wait", async () => {
    const page = await shop.page();
    const email = newEmail();
    for (let attempt = 0; attempt < signInLimits.perAccountAndAddress.points; attempt++) {
      await signIn(page, shop.apps.storefront, email, `wrong-${attempt}`);
      await expect(page.getByText("do not match an account").waitFor()).resolves.toBeUndefined();
    }
    await signIn(page, shop.apps.storefront, email, "wrong-again");
    await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ s\./).waitFor()).resolves.toBeUndefined();
  });

  it("answers sign-up alike, in content and time, for a new and a taken e-mail", async () => {
    const taken = await registeredOwner(shop.apps.storefront, { "x-forwarded-for": "198.51.100.3" });
    const bodies = new Set<string>();
    const register = async (email: string, run: number) => {
      const answer = await mutate(shop.apps.storefront, "auth.register", { email, password: "another-password", name: "Probe" }, { "x-forwarded-for": `198.51.100.${100 + run}` });
      expect(answer.status).toBe(200);
      bodies.add(answer.body);
    };
    const { fresh, existing } = await medianMs(7, { fresh: (run) => register(newEmail(), run), existing: (run) => register(taken, run) });
    console.info(`register over HTTP: new e-mail ${fresh.toFixed(1)} ms, taken e-mail ${existing.toFixed(1)} ms (medians of 7)`);
    expect([...bodies]).toEqual([JSON.stringify({ result: { data: { json: { ok: true } } } })]);
    expect(existing / fresh).toBeGreaterThan(0.5);
    expect(existing / fresh).toBeLessThan(2);
    // The taken account kept its own password.
    expect((await signInOverHttp(shop.apps.storefront, taken, password, { "x-forwarded-for": "198.51.100.3" })).session).not.toBeNull();
  });

  it("throttles sign-ups per address with 429 and Retry-After", async () => {
    const from = { "x-forwarded-for": "203.0.113.20" };
    for (let i = 0; i < registerLimit.points; i++) {
      expect((await mutate(shop.apps.storefront, "auth.register", { email: newEmail(), password, name: "Bulk" }, from)).status).toBe(200);
    }
    const refused = await mutate(shop.apps.storefront, "auth.register", { email: newEmail(), password, name: "Bulk" }, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toMatch(/try again in \d+ s/);
    expect((await mutate(shop.apps.storefront, "auth.register", { email: newEmail(), password, name: "Other" }, { "x-forwarded-for": "203.0.113.21" })).status).toBe(200);
  });

  it("throttles current-password checks per user with 429 and Retry-After", async () => {
    const from = { "x-forwarded-for": "198.51.100.4" };
    const email = await registeredOwner(shop.apps.storefront, from);
    const { session } = await signInOverHttp(shop.apps.storefront, email, password, from);
    const change = (current: string, headers: Record<string, string>) =>
      mutate(shop.apps.storefront, "user.update", { currentPassword: current, newPassword: "a-new-password-456" }, { cookie: session!, ...headers });
    for (let i = 0; i < passwordChangeLimit.points; i++) {
      expect((await change(`guess-${i}`, { "x-forwarded-for": `10.30.0.${i}` })).status).toBe(400);
    }
    const refused = await change(password, { "x-forwarded-for": "10.30.0.99" });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The refused change did not happen: the old password still signs in.
    expect((await signInOverHttp(shop.apps.storefront, email, password, from)).session).not.toBeNull();
  });

  it("signs up in the browser, and for a taken e-mail says only to sign in", async () => {
    const taken = await registeredOwner(shop.apps.storefront, { "x-forwarded-for": "198.51.100.5" });
    const page = await shop.page();
    await signUp(page, shop.apps.storefront, { name: "Mallory", email: taken, password: "not-the-owners-password" });
    await expect(page.getByText("If you already have an account, sign in").waitFor()).resolves.toBeUndefined();
    expect(await page.getByText(/already exists|already registered/i).count()).toBe(0);
  });
});

describe("with no trusted proxy (TRUSTED_PROXIES empty): X-Forwarded-For is ignored", () => {
  const shop = useShop({ env: { TRUSTED_PROXIES: "" }, browser: false });

  it("keys limits on the connection's address, so rotating the header gains nothing", async () => {
    const email = await registeredOwner(shop.apps.storefront, {});
    for (let i = 0; i < signInLimits.perAccountAndAddress.points; i++) {
      expect((await signInOverHttp(shop.apps.storefront, email, `guess-${i}`, { "x-forwarded-for": `10.40.0.${i}` })).code).toBe("credentials");
    }
    // Behind a trusted proxy this would be a fresh address; here it is the same client.
    const refused = await signInOverHttp(shop.apps.storefront, email, password, { "x-forwarded-for": "10.40.0.200" });
    expect(refused.session).toBeNull();
    expect(waitOf(refused.code)).toBeGreaterThan(0);
  });
});
