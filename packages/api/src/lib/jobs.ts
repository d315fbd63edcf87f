import { enqueue } from "@shop/jobs";
import { logger, type Prisma } from "@shop/db";

// Jobs the money path enqueues in its own transaction, so a job exists if and only
// if its row commits; the worker (apps/worker) runs them.

/** The provider call for a PENDING refund, retried with back-off until it is accepted. */
export async function scheduleRefund(tx: Prisma.TransactionClient, refundId: string): Promise<void> {
  await enqueue(tx, "payment.refund", { refundId });
}

/** The end of an unpaid order's stock hold (the minute sweep is the safety net). */
export async function scheduleExpiry(tx: Prisma.TransactionClient, orderId: string, at: Date): Promise<void> {
  await enqueue(tx, "order.expire", { orderId }, { startAfter: at });
}

/**
 * Wakes the worker's mailer after a commit that wrote notifications to e-mail. Not inside
 * the transaction: the queue keeps one waiting job, and concurrent checkouts inserting it
 * in their transactions would queue behind each other on its unique index. A lost
 * wake-up costs a minute: the worker's schedule flushes the outbox every minute.
 */
export async function wakeMailer(db: Prisma.TransactionClient): Promise<void> {
  await enqueue(db, "mail.flush", {}).catch((error: unknown) => logger.warn({ err: error }, "could not wake the mailer; the minute sweep sends the e-mail"));
}
