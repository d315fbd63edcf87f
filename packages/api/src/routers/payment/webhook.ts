import type { Context } from "../../context";
import { applyPaymentStatus, noEffects, recordRefunded, runMoneyStep } from "../../lib/orders";

export type WebhookResult = { status: "applied" | "duplicate" | "ignored"; eventId: string };

/**
 * Verifies a provider webhook and applies it exactly once. The event id is
 * recorded in the same transaction as its effect, under a unique index: a replay
 * (even a concurrent one) inserts nothing and changes nothing. An event applies
 * only if it moves the payment forward along its state machine; a late or
 * out-of-order one is recorded and answered "ignored". Throws
 * WebhookSignatureError or WebhookPayloadError (answer either with HTTP 400).
 */
export async function handlePaymentWebhook(
  ctx: Pick<Context, "db" | "catalog" | "payments" | "cache" | "clock">,
  payload: string,
  signature: string | null,
): Promise<WebhookResult> {
  const event = ctx.payments.parseWebhook(payload, signature);
  const status = await runMoneyStep(ctx, async (tx) => {
    const now = ctx.clock();
    const payment = event.providerRef
      ? await tx.payment.findUnique({
          where: { provider_providerRef: { provider: ctx.payments.name, providerRef: event.providerRef } },
          select: { id: true },
        })
      : null;
    const recorded = await tx.paymentEvent.createMany({
      data: [{ provider: ctx.payments.name, eventId: event.id, type: event.type, payload: event.payload, paymentId: payment?.id, processedAt: now }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return { result: "duplicate" as const, effects: noEffects() };
    if (!payment) return { result: "ignored" as const, effects: noEffects() };
    const outcome = event.refundedAmount
      ? await recordRefunded(tx, payment.id, event.refundedAmount, now)
      : event.status
        ? await applyPaymentStatus(tx, payment.id, event.status, now)
        : { applied: false, effects: noEffects() };
    return { result: outcome.applied ? ("applied" as const) : ("ignored" as const), effects: outcome.effects };
  });
  return { status, eventId: event.id };
}
