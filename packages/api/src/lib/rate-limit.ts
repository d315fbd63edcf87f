import type { Redis } from "ioredis";

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the window resets. */
  retryAfterMs: number;
}

// Used only while Redis is unreachable, so limits still hold (per process) in an outage.
const local = new Map<string, { count: number; resetAt: number }>();

function localHit(key: string, limit: number, windowMs: number): RateLimitResult {
  const now = Date.now();
  let entry = local.get(key);
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + windowMs };
    local.set(key, entry);
  }
  entry.count++;
  return { allowed: entry.count <= limit, remaining: Math.max(0, limit - entry.count), retryAfterMs: entry.resetAt - now };
}

/**
 * Fixed-window counter in Redis (INCR, and PEXPIRE on the first hit, in one MULTI),
 * shared by every app instance. With Redis down it falls back to a per-process
 * counter rather than letting every attempt through.
 */
export async function hitRateLimit(redis: Redis, key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  try {
    const replies = await redis.multi().incr(`ratelimit:${key}`).pexpire(`ratelimit:${key}`, windowMs, "NX").pttl(`ratelimit:${key}`).exec();
    const count = Number(replies?.[0]?.[1] ?? 0);
    const ttl = Number(replies?.[2]?.[1] ?? windowMs);
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterMs: ttl > 0 ? ttl : windowMs };
  } catch {
    return localHit(key, limit, windowMs);
  }
}
