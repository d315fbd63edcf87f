import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ProtectedContext } from "../../context";
import { notFound } from "../../lib/errors";
import { openPaymentStatuses } from "../../lib/lifecycle";
import { applyPaymentStatus, runMoneyStep } from "../../lib/orders";
import { id } from "../../lib/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

const paymentSelect = { id: true, provider: true, providerRef: true, status: true, amount: true, currency: true } as const;

async function ownOrder(ctx: ProtectedContext, orderId: string) {
  const order = await ctx.db.order.findFirst({
    where: { id: orderId, userId: ctx.session.user.id },
    select: { id: true, status: true, total: true, currency: true, expiresAt: true },
  });
  if (!order) throw notFound("Order");
  return order;
}

/** A payment may start or complete only while the order awaits payment and its hold lasts. */
function assertPayable(ctx: ProtectedContext, order: Awaited<ReturnType<typeof ownOrder>>) {
  if (order.status !== "PENDING") {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Order is ${order.status.toLowerCase()}, not awaiting payment` });
  }
  if (order.expiresAt && order.expiresAt <= ctx.clock()) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The time to pay for this order has run out; its items were released" });
  }
}

const openPayment = (ctx: ProtectedContext, orderId: string) =>
  ctx.db.payment.findFirst({
    where: { orderId, provider: ctx.payments.name, status: { in: [...openPaymentStatuses] } },
    select: paymentSelect,
    orderBy: { createdAt: "desc" },
  });

export const paymentRouter = createTRPCRouter({
  /** Starts (or resumes) paying for a pending order; returns the provider's client secret. */
  createIntent: protectedProcedure.input(z.object({ orderId: id })).mutation(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    assertPayable(ctx, order);
    const open = await openPayment(ctx, order.id);
    if (open?.providerRef) return { payment: open, clientSecret: await ctx.payments.clientSecretOf(open.providerRef) };
    // One key per attempt: after a declined payment the next attempt is a new intent,
    // while a repeated request for the same attempt still lands on the same one.
    const attempts = await ctx.db.payment.count({ where: { orderId: order.id } });
    const idempotencyKey = `order-${order.id}-payment${attempts ? `-${attempts + 1}` : ""}`;
    const intent = await ctx.payments.createIntent({ orderId: order.id, amount: order.total, currency: order.currency, idempotencyKey });
    const payment = await ctx.db.payment.upsert({
      where: { idempotencyKey },
      create: {
        orderId: order.id,
        provider: ctx.payments.name,
        providerRef: intent.providerRef,
        status: intent.status,
        amount: order.total,
        currency: order.currency,
        idempotencyKey,
        createdAt: ctx.clock(),
      },
      update: {},
      select: paymentSelect,
    });
    return { payment, clientSecret: intent.clientSecret };
  }),

  /**
   * Settles the open payment on the server: the test provider's one-click card.
   * With Stripe the customer confirms in the browser and the webhook settles it.
   */
  confirm: protectedProcedure.input(z.object({ orderId: id })).mutation(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    assertPayable(ctx, order);
    const confirm = ctx.payments.confirm?.bind(ctx.payments);
    if (!confirm) throw new TRPCError({ code: "BAD_REQUEST", message: "This payment is confirmed in the browser, with the card form" });
    const payment = await openPayment(ctx, order.id);
    if (!payment?.providerRef) throw new TRPCError({ code: "BAD_REQUEST", message: "Start the payment first" });
    const status = await confirm(payment.providerRef);
    await runMoneyStep(ctx, async (tx) => {
      const { effects } = await applyPaymentStatus(tx, payment.id, status, ctx.clock());
      return { result: undefined, effects };
    });
    return ctx.db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: paymentSelect });
  }),

  status: protectedProcedure.input(z.object({ orderId: id })).query(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    const payments = await ctx.db.payment.findMany({ where: { orderId: order.id }, select: paymentSelect, orderBy: { createdAt: "desc" } });
    return { orderStatus: order.status, expiresAt: order.expiresAt, payments };
  }),
});
