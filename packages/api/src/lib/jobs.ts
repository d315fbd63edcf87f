import { enqueue } from "@shop/jobs";
import type { Prisma } from "@shop/db";

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
