import type { PrismaClient } from "@shop/db";
import type { Redis } from "ioredis";
import { hitRateLimit } from "./rate-limit";
import type { SessionUser } from "../context";
import { verifyPassword } from "./passwords";

/**
 * The credentials check behind Auth.js sign-in: the user for this e-mail and
 * password, or null. Callers rate-limit before calling (argon2 costs ~10 ms of CPU).
 */
export async function verifyCredentials(db: PrismaClient, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, password: true, roles: { select: { role: true } } },
  });
  if (!user?.password || !(await verifyPassword(user.password, password))) return null;
  return { id: user.id, email: user.email, roles: user.roles.map((r) => r.role) };
}

export class TooManySignInAttempts extends Error {
  override name = "TooManySignInAttempts";
  constructor(readonly retryAfterMs: number) {
    super(`Too many sign-in attempts; try again in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/**
 * Sign-in limits: per e-mail and client address (so a stranger cannot lock a customer
 * out), per address across e-mails, and per e-mail across all addresses: client
 * addresses come from X-Forwarded-For, which a client can vary, so that last one
 * bounds guessing at one account however the addresses are faked.
 */
export const signInLimits = { perAccount: 5, perAddress: 30, perAccountAllAddresses: 50, windowMs: 15 * 60_000 } as const;

/**
 * What Auth.js's credentials `authorize` should call: rate-limits before spending
 * ~10 ms of CPU on argon2, then checks the password.
 */
export async function authorizeSignIn(
  deps: { db: PrismaClient; redis: Redis },
  attempt: { email: string; password: string; ip: string | null },
): Promise<SessionUser | null> {
  const email = attempt.email.trim().toLowerCase();
  const ip = attempt.ip ?? "unknown";
  const limits = await Promise.all([
    hitRateLimit(deps.redis, `signin:${email}:${ip}`, signInLimits.perAccount, signInLimits.windowMs),
    hitRateLimit(deps.redis, `signin-ip:${ip}`, signInLimits.perAddress, signInLimits.windowMs),
    hitRateLimit(deps.redis, `signin-account:${email}`, signInLimits.perAccountAllAddresses, signInLimits.windowMs),
  ]);
  const refused = limits.filter((limit) => !limit.allowed);
  if (refused.length) throw new TooManySignInAttempts(Math.max(...refused.map((limit) => limit.retryAfterMs)));
  return verifyCredentials(deps.db, email, attempt.password);
}
