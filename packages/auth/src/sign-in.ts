import { consume, limiter, verifyPassword, type Limiter, type SessionUser } from "@shop/api";
import type { getRedis, PrismaClient } from "@shop/db";
import { RateLimiterRes } from "rate-limiter-flexible";
import { passwordStamp } from "./session-check";

type Redis = ReturnType<typeof getRedis>;

/**
 * The credentials check behind Auth.js sign-in: the user for this e-mail and password,
 * or null. An unknown e-mail costs one argon2 verify too (see verifyPassword), so the
 * answer's timing does not tell which e-mails have accounts.
 */
export async function verifyCredentials(db: PrismaClient, email: string, password: string): Promise<SignedIn | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, password: true, roles: { select: { role: true } } },
  });
  if (!(await verifyPassword(user?.password, password)) || !user) return null;
  return { id: user.id, email: user.email, roles: user.roles.map((r) => r.role), stamp: passwordStamp(user.password) };
}

/** A signed-in user, with the stamp of the password the session is issued for. */
export type SignedIn = SessionUser & { stamp: string };

/**
 * Sign-in limits (OWASP's and rate-limiter-flexible's login-protection pattern):
 * - per account and address: a few tries, reset by a success, then refused until the
 *   window ends; a stranger's guessing from elsewhere never counts against the owner;
 * - per address across accounts: a cap on one address trying many accounts (successes
 *   are refunded, so an office behind one address is not capped by its own sign-ins);
 * - per account across addresses it never signed in from: after `free` attempts, one
 *   attempt at a time with a doubling delay (up to `maxDelaySec`). That bounds a guesser
 *   who rotates addresses without locking out the owner, whose own addresses (any that
 *   signed in to the account within `knownAddressSec`) skip it.
 */
export const signInLimits = {
  perAccountAndAddress: { name: "signin-pair", points: 5, durationSec: 15 * 60 },
  perAddress: { name: "signin-address", points: 100, durationSec: 60 * 60 },
  perAccount: { name: "signin-account", points: 10, durationSec: 24 * 3600 },
  // Opens for one attempt per second at most; each failure then closes it for the delay.
  accountGate: { name: "signin-gate", points: 1, durationSec: 1 },
  maxDelaySec: 300,
  knownAddressSec: 30 * 24 * 3600,
} as const;

/** The delay after the nth attempt from unknown addresses: 1 s, 2 s, 4 s … up to the cap. */
export function accountDelaySec(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - signInLimits.perAccount.points - 1), signInLimits.maxDelaySec);
}

const knownKey = (email: string, ip: string) => `signin-known:${email}|${ip}`;

/** Spends a point and returns the count so far, whether or not it went over the rule. */
async function count(limit: Limiter, key: string): Promise<number> {
  try {
    return (await limit.consume(key)).consumedPoints;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error.consumedPoints;
    throw error;
  }
}

async function isKnownAddress(redis: Redis, email: string, ip: string): Promise<boolean> {
  // With Redis down every address is new: the delay still applies, per process.
  return (await redis.exists(knownKey(email, ip)).catch(() => 0)) === 1;
}

/**
 * What Auth.js's credentials `authorize` calls: applies the limits above before
 * spending ~10 ms of CPU on argon2, then checks the password. Throws TooManyAttempts
 * (with retryAfterMs) when refused.
 */
export async function authorizeSignIn(
  deps: { db: PrismaClient; redis: Redis },
  attempt: { email: string; password: string; ip: string | null },
): Promise<SignedIn | null> {
  const email = attempt.email.trim().toLowerCase();
  const ip = attempt.ip ?? "unknown";
  const pair = limiter(deps.redis, signInLimits.perAccountAndAddress);
  const address = limiter(deps.redis, signInLimits.perAddress);
  const what = "sign-in attempts";
  await consume(pair, `${email}|${ip}`, what);
  await consume(address, ip, what);

  let delaySec = 0;
  const gate = limiter(deps.redis, signInLimits.accountGate);
  const perAccount = limiter(deps.redis, signInLimits.perAccount);
  const known = await isKnownAddress(deps.redis, email, ip);
  if (!known) {
    const attempts = await count(perAccount, email);
    if (attempts > signInLimits.perAccount.points) {
      await consume(gate, email, what);
      delaySec = accountDelaySec(attempts);
    }
  }

  const user = await verifyCredentials(deps.db, email, attempt.password);
  if (!user) {
    if (delaySec) await gate.block(email, delaySec);
    return null;
  }
  await Promise.all([
    pair.delete(`${email}|${ip}`),
    address.reward(ip),
    // The owner's own sign-in from a new address must not use up the free tries.
    known ? undefined : perAccount.reward(email),
    deps.redis.set(knownKey(email, ip), "1", "EX", signInLimits.knownAddressSec).catch(() => undefined),
  ]);
  return user;
}
