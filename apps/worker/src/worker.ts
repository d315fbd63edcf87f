import { disconnectCaches } from "@shop/api";
import { disconnectAll, installShutdownHooks, logger } from "@shop/db";
import { createJobBoss, ensureQueues, payloadSchemas, queueSettings, schedules as shopSchedules, type JobPayload, type QueueName, type QueueSettings, type Schedule } from "@shop/jobs";
import type { Job, PgBoss } from "pg-boss";

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<unknown>;

/** The shop's handler table: one function per queue. */
export type ShopHandlers = { [N in QueueName]: JobHandler<JobPayload<N>> };

/** What the worker runs for one queue: its settings, its payload check, its handler. */
export interface QueueWorker<T = unknown> {
  settings: QueueSettings;
  parse(data: unknown): T;
  handle: JobHandler<T>;
}

/** The shop's queues, each with its settings and payload schema from @shop/jobs and its handler. */
export function shopQueues(handlers: ShopHandlers): Record<string, QueueWorker> {
  const entry = <N extends QueueName>(name: N): QueueWorker =>
    ({ settings: queueSettings[name], parse: (data) => payloadSchemas[name].parse(data), handle: handlers[name] }) as QueueWorker;
  return Object.fromEntries((Object.keys(payloadSchemas) as QueueName[]).map((name) => [name, entry(name)]));
}

export interface WorkerOptions {
  databaseUrl: string;
  queues: Record<string, QueueWorker>;
  schedules?: Schedule[];
  /** Jobs of one queue that one process runs at once. */
  concurrency?: number;
  /** How often an idle queue is polled for new jobs. */
  pollingIntervalSeconds?: number;
  /** How often expired jobs (their worker died) are sent back for retry. */
  superviseIntervalSeconds?: number;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Stops fetching, waits up to `graceMs` for running jobs, then closes pg-boss. */
  stop(graceMs: number): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { superviseIntervalSeconds = 60, pollingIntervalSeconds = 2, concurrency = 2 } = options;
  const boss = createJobBoss({
    connectionString: options.databaseUrl,
    // One connection per running job, plus pg-boss's own polling and supervision.
    max: Object.keys(options.queues).length * concurrency + 2,
    supervise: true,
    schedule: true,
    superviseIntervalSeconds,
    monitorIntervalSeconds: superviseIntervalSeconds,
    instanceName: "shop-worker",
  });
  boss.on("error", (error: Error) => logger.error({ err: error }, "pg-boss error"));
  boss.on("warning", (warning: { message: string }) => logger.warn({ warning }, "pg-boss warning"));

  await boss.start();
  const settings = Object.fromEntries(Object.entries(options.queues).map(([name, queue]) => [name, queue.settings]));
  await ensureQueues(boss, settings, { update: true });
  for (const { name, cron, data } of options.schedules ?? shopSchedules) await boss.schedule(name, cron, data);

  for (const [name, queue] of Object.entries(options.queues)) {
    await boss.work(name, { pollingIntervalSeconds, localConcurrency: concurrency }, async ([job]) => {
      if (!job) return;
      const log = logger.child({ queue: name, jobId: job.id, attempt: job.retryCount + 1 });
      const started = Date.now();
      try {
        const result = await queue.handle(queue.parse(job.data), job);
        log.info({ ms: Date.now() - started, result }, "job done");
        return result;
      } catch (error) {
        // Thrown back to pg-boss, which retries per the queue's settings.
        log.warn({ err: error, ms: Date.now() - started }, "job failed");
        throw error;
      }
    });
  }
  logger.info({ queues: Object.keys(options.queues) }, "worker started");

  return {
    boss,
    stop: async (graceMs) => {
      // Graceful: no new fetches; running handlers get graceMs, after which pg-boss
      // fails what is left (retried later, by this or another worker).
      await boss.stop({ graceful: true, timeout: graceMs });
    },
  };
}

/**
 * The worker as a process: starts it, and on SIGINT/SIGTERM stops taking jobs, lets
 * running ones finish within `graceMs`, closes pg-boss, the caches, Prisma and Redis,
 * and exits 0. Fails with exit code 1 when it cannot start (no database, schema missing).
 */
export async function runWorker(options: WorkerOptions, graceMs: number): Promise<void> {
  const starting = startWorker(options);
  let stopping = false;
  // A handler still running past the grace period (its job already handed back for a
  // retry) fails as the connections close under it; that must not turn a clean stop into
  // exit code 1. Before the stop, an unhandled rejection still ends the process as usual.
  process.on("unhandledRejection", (reason) => {
    if (!stopping) throw reason;
    logger.warn({ err: reason }, "a job still running at shutdown failed as its connections closed; it was handed back for a retry");
  });
  // Installed before start-up finishes, so a signal during it still shuts down cleanly.
  installShutdownHooks(async () => {
    stopping = true;
    const running = await starting.catch(() => undefined);
    await running?.stop(graceMs);
    await disconnectCaches();
    logger.info("worker stopped");
  });
  try {
    await starting;
  } catch (error) {
    logger.fatal({ err: error }, "worker could not start (has `pnpm db:migrate` run?)");
    await disconnectCaches();
    await disconnectAll();
    process.exit(1);
  }
}
