import type { Queue } from "pg-boss";
import { z } from "zod";

/**
 * Every queue, with the shape of its payload. A payload carries ids only: the handler
 * reads the row's current state, so a late or repeated job acts on the truth, not on
 * a snapshot taken when it was enqueued.
 */
export const payloadSchemas = {
  /** Delayed until the order's hold ends; releases its reservation if still unpaid. */
  "order.expire": z.object({ orderId: z.string().min(1) }),
  /** Calls the payment provider for a pending refund; retried with back-off while it fails. */
  "payment.refund": z.object({ refundId: z.string().min(1) }),
  /** Every minute: expires whatever a lost or late `order.expire` job left behind. */
  "order.expire-overdue": z.object({}),
  /** Every hour: deletes guest carts past their expiry, with their lines. */
  "cart.expire-guests": z.object({}),
  /** Every hour: deletes e-mailed links' tokens past their expiry (packages/db account-tokens). */
  "auth.expire-tokens": z.object({}),
  /**
   * Sends the e-mails of PENDING notifications that are due (packages/mail's outbox). Sent
   * after a commit that wrote one, and every minute for retries and anything missed.
   */
  "mail.flush": z.object({}),
};

export type QueueName = keyof typeof payloadSchemas;
export type JobPayload<N extends QueueName> = z.infer<(typeof payloadSchemas)[N]>;

/** A queue's pg-boss settings: retries, back-off, how long a job may run before it is retried. */
export type QueueSettings = Omit<Queue, "name">;

export const queueSettings: Record<QueueName, QueueSettings> = {
  "order.expire": { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 60 },
  // 8 tries at 5 s doubling (with jitter), at most 10 minutes apart: about 20 minutes of
  // provider outage before the job is marked failed (and kept for inspection).
  "payment.refund": { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
  // One queued and one running at most, however many workers run the schedule; the
  // next minute's sweep is the retry.
  "order.expire-overdue": { policy: "stately", retryLimit: 0, expireInSeconds: 120 },
  "cart.expire-guests": { policy: "stately", retryLimit: 0, expireInSeconds: 300 },
  "auth.expire-tokens": { policy: "stately", retryLimit: 0, expireInSeconds: 300 },
  // At most one queued (a wake-up while one waits is already covered), any number running:
  // flushes claim rows with SKIP LOCKED, and a flush whose worker died must not hold the rest up.
  "mail.flush": { policy: "short", retryLimit: 0, expireInSeconds: 300 },
};

/** A cron schedule and the payload of each job it sends (pg-boss sends null without one). */
export type Schedule = { [N in QueueName]: { name: N; cron: string; data: JobPayload<N> } }[QueueName];

/** Cron schedules (UTC), registered by the worker; pg-boss sends each occurrence once across all workers. */
export const schedules: Schedule[] = [
  { name: "order.expire-overdue", cron: "* * * * *", data: {} },
  { name: "cart.expire-guests", cron: "17 * * * *", data: {} },
  { name: "auth.expire-tokens", cron: "23 * * * *", data: {} },
  { name: "mail.flush", cron: "* * * * *", data: {} },
];
