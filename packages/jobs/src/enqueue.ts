import { closeWithDatabase, env, logger, type Prisma } from "@shop/db";
import { fromPrisma, type Clock, type PgBoss, type SendOptions } from "pg-boss";
import { createJobBoss, ensureQueues } from "./boss";
import { payloadSchemas, type JobPayload, type QueueName } from "./queues";

/** What a caller may say about one job; retries and expiry come from the queue. */
export type EnqueueOptions = Pick<SendOptions, "startAfter" | "singletonKey" | "priority">;

/** Anything that runs raw SQL like a Prisma client or interactive transaction. */
export type SqlRunner = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

// Timers that never keep a process alive: an API process or script that enqueues
// exits when its own work is done, without having to stop the producer.
const backgroundClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
};

// One producer per process and database: pg-boss looks up a queue (cached) before it
// inserts. It has its own small pool, so a burst of transactions holding every
// Prisma connection cannot starve that lookup and deadlock.
const producers = new Map<string, Promise<PgBoss>>();

function producer(): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  let started = producers.get(url);
  if (!started) {
    const boss = createJobBoss({
      connectionString: url,
      max: 2,
      supervise: false,
      schedule: false,
      registerInstance: false,
      clock: backgroundClock,
      queueCacheIntervalSeconds: 3_600,
      application_name: "shop-jobs-producer",
      // Passed through to pg's pool: idle connections close and never hold the process open.
      ...{ idleTimeoutMillis: 10_000, allowExitOnIdle: true },
    });
    boss.on("error", (error: Error) => logger.warn({ err: error }, "job producer error"));
    started = boss.start().then(async () => {
      await ensureQueues(boss);
      return boss;
    });
    const forget = () => {
      producers.delete(url);
      unregister();
    };
    const unregister = closeWithDatabase(async () => {
      forget();
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    });
    // A failed start is not cached: the next enqueue tries again.
    started.catch(forget);
    producers.set(url, started);
  }
  return started;
}

/**
 * Adds a job inside the caller's transaction: it exists if and only if that
 * transaction commits, so an order's expiry or a refund's provider call is never
 * lost after a commit, nor run for a row that rolled back.
 *
 * ```ts
 * await db.$transaction(async (tx) => {
 *   const order = await tx.order.create(...);
 *   await enqueue(tx, "order.expire", { orderId: order.id }, { startAfter: holdEndsAt });
 * });
 * ```
 *
 * Returns the job's id, or null when a `singletonKey` job already exists.
 */
export async function enqueue<N extends QueueName>(
  db: SqlRunner,
  name: N,
  data: JobPayload<N>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const payload = payloadSchemas[name].parse(data);
  const boss = await producer();
  return boss.send(name, payload, { ...options, db: fromPrisma(db) });
}
