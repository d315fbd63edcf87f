import { TRPCError } from "@trpc/server";
import type { RedisClient } from "@shop/db";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface LimitRule {
  /** Names the counters in Redis (under the client's key prefix). */
  name: string;
  points: number;
  durationSec: number;
}

export type Limiter = RateLimiterRedis;

// One limiter per Redis client and rule: its insurance limiter's counters must
// outlive a request, and tests inject their own (prefixed) Redis clients.
const limiters = new WeakMap<RedisClient, Map<string, Limiter>>();

/**
 * Counters shared by every app instance through Redis. While Redis is unreachable an
 * in-memory limiter with the same rule takes over, so limits still hold per process
 * instead of letting every attempt through.
 */
export function limiter(redis: RedisClient, rule: LimitRule): Limiter {
  let byName = limiters.get(redis);
  if (!byName) limiters.set(redis, (byName = new Map()));
  let found = byName.get(rule.name);
  if (!found) {
    const options = { keyPrefix: `limit:${rule.name}`, points: rule.points, duration: rule.durationSec };
    found = new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
    byName.set(rule.name, found);
  }
  return found;
}

/** Refused by a limiter: how long until the caller may try again. */
export class TooManyAttempts extends Error {
  override name = "TooManyAttempts";
  constructor(
    readonly retryAfterMs: number,
    what = "attempts",
  ) {
    super(`Too many ${what}; try again in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/**
 * Spends points on `key`, or throws TooManyAttempts when that goes over the rule.
 * rate-limiter-flexible rejects with its result when over the limit, and with an
 * Error only when both Redis and the insurance limiter failed.
 */
export async function consume(limit: Limiter, key: string, what?: string, points = 1): Promise<RateLimiterRes> {
  try {
    return await limit.consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new TooManyAttempts(error.msBeforeNext, what);
    throw error;
  }
}

/** consume() for a procedure: TOO_MANY_REQUESTS, its cause carrying retryAfterMs for Retry-After. */
export async function throttle(limit: Limiter, key: string, what: string): Promise<void> {
  try {
    await consume(limit, key, what);
  } catch (error) {
    if (error instanceof TooManyAttempts) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });
    throw error;
  }
}
