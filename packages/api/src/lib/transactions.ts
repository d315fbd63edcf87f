import { Prisma } from "@shop/db";

// Serialization failures, deadlocks, and a transaction that could not start in time.
const retryable = (error: unknown) =>
  (error instanceof Prisma.PrismaClientKnownRequestError && ["P2034", "P2028"].includes(error.code)) ||
  (error instanceof Error && /deadlock detected|could not serialize access/.test(error.message));

/** Runs `work`, retrying transient transaction failures a few times with jitter. */
export async function withRetries<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

/**
 * Prisma's maxWait only checks, once a connection came, whether it took too long; the
 * pool's gate (DATABASE_POOL_WAIT_MS) is what bounds the wait, so this stays above it.
 */
export const transactionOptions = { maxWait: 15_000, timeout: 20_000 } as const;
