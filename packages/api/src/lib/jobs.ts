import type { Prisma } from "@shop/db";

// Jobs the money path enqueues in its own transaction (so a job exists iff its row
// commits); the worker (apps/worker) runs them. Wired to the queue in the worker branch.
export async function scheduleRefund(_tx: Prisma.TransactionClient, _refundId: string): Promise<void> {}
export async function scheduleExpiry(_tx: Prisma.TransactionClient, _orderId: string, _at: Date): Promise<void> {}
