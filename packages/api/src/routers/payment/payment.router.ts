import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ProtectedContext } from "../../context";
import { invalidate } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { id } from "../../lib/schemas";
import { tags } from "../../middleware/cache";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { applyPaymentStatus } from "./webhook";

const paymentSelect = { id: true, provider: true, providerRef: true, status: true, amount: true, currency: true } as const;

async function ownOrder(ctx: ProtectedContext, orderId: string) {
  const order = await ctx.db.order.findFirst({
    where: { id: orderId, userId: ctx.session.user.id },
    select: { id: true, status: true, total: true, currency: true },
  });
  if (!order) throw notFound("Order");
  return order;
}

export const paymentRouter = createTRPCRouter({
  /** Starts (or resumes) paying for a pending order; returns the provider's client secret. */
  createIntent: protectedProcedure.input(z.object({ orderId: id })).mutation(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    if (order.status !== "PENDING") throw new TRPCError({ code: "BAD_REQUEST", message: `Order is ${order.status.toLowerCase()}, not awaiting payment` });
    const open = await ctx.db.payment.findFirst({
      where: { orderId: order.id, provider: ctx.payments.name, status: { in: ["REQUIRES_PAYMENT", "PROCESSING"] } },
      select: paymentSelect,
    });
    if (open?.providerRef) return { payment: open, clientSecret: null };
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
      },
      update: {},
      select: paymentSelect,
    });
    return { payment, clientSecret: intent.clientSecret };
  }),

  /** Confirms the intent server-side: the test provider's card step, and Stripe test mode. */
  confirm: protectedProcedure.input(z.object({ orderId: id })).mutation(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    const payment = await ctx.db.payment.findFirst({
      where: { orderId: order.id, provider: ctx.payments.name, status: { in: ["REQUIRES_PAYMENT", "PROCESSING"] } },
      select: paymentSelect,
    });
    if (!payment?.providerRef) throw new TRPCError({ code: "BAD_REQUEST", message: "Start the payment first" });
    const status = await ctx.payments.confirm(payment.providerRef);
    await ctx.db.$transaction((tx) => applyPaymentStatus(tx, payment.id, status));
    await invalidate(ctx, [tags.analytics]);
    return ctx.db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: paymentSelect });
  }),

  status: protectedProcedure.input(z.object({ orderId: id })).query(async ({ ctx, input }) => {
    const order = await ownOrder(ctx, input.orderId);
    const payments = await ctx.db.payment.findMany({ where: { orderId: order.id }, select: paymentSelect, orderBy: { createdAt: "desc" } });
    return { orderStatus: order.status, payments };
  }),
});
