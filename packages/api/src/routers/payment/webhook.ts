import type { PaymentStatus, Prisma, PrismaClient } from "@shop/db";
import type { Context } from "../../context";
import { invalidate } from "../../lib/cached";
import { transactionOptions, withRetries } from "../../lib/transactions";
import { tags } from "../../middleware/cache";

type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * Moves a payment to `status` and its order along with it: a successful payment
 * marks a pending order PAID, a refund marks the order REFUNDED. Idempotent.
 */
export async function applyPaymentStatus(tx: Tx, paymentId: string, status: PaymentStatus): Promise<void> {
  const payment = await tx.payment.update({
    where: { id: paymentId },
    data: { status },
    select: { orderId: true, amount: true },
  });
  if (status === "SUCCEEDED") {
    await tx.order.updateMany({ where: { id: payment.orderId, status: "PENDING" }, data: { status: "PAID", paidAt: new Date() } });
  }
  if (status === "REFUNDED") {
    await tx.payment.update({ where: { id: paymentId }, data: { refundedAmount: payment.amount } });
    await tx.order.updateMany({
      where: { id: payment.orderId, status: { in: ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"] } },
      data: { status: "REFUNDED" },
    });
  }
}

export type WebhookResult = { status: "applied" | "duplicate" | "ignored"; eventId: string };

/**
 * Verifies a provider webhook and applies it exactly once. The event id is
 * recorded in the same transaction as its effect, under a unique index: a replay
 * (even a concurrent one) inserts nothing and changes nothing. Throws
 * WebhookSignatureError for a bad signature (answer it with HTTP 400).
 */
export async function handlePaymentWebhook(
  ctx: Pick<Context, "db" | "payments" | "cache">,
  payload: string,
  signature: string | null,
): Promise<WebhookResult> {
  const event = ctx.payments.parseWebhook(payload, signature);
  const result = await withRetries(() =>
    ctx.db.$transaction(async (tx) => {
      const payment = event.providerRef
        ? await tx.payment.findUnique({
            where: { provider_providerRef: { provider: ctx.payments.name, providerRef: event.providerRef } },
            select: { id: true },
          })
        : null;
      const recorded = await tx.paymentEvent.createMany({
        data: [{ provider: ctx.payments.name, eventId: event.id, type: event.type, payload: event.payload, paymentId: payment?.id }],
        skipDuplicates: true,
      });
      if (recorded.count === 0) return "duplicate" as const;
      if (!payment || !event.status) return "ignored" as const;
      await applyPaymentStatus(tx, payment.id, event.status);
      return "applied" as const;
    }, transactionOptions),
  );
  if (result === "applied") await invalidate(ctx, [tags.analytics]);
  return { status: result, eventId: event.id };
}
