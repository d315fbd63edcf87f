import { TRPCError } from "@trpc/server";
import { logger, type NotificationType, type OrderStatus, Prisma, type PaymentStatus } from "@shop/db";
import type { Context } from "../context";
import { tags } from "./cache";
import { invalidate } from "./cached";
import { notFound } from "./errors";
import {
  canMoveOrder,
  capturedPaymentStatuses,
  orderStatusesBefore,
  orderStatusTimestamps,
  paidOrderStatuses,
  paymentStatusesBefore,
} from "./lifecycle";
import { scheduleRefund, wakeMailer } from "./jobs";
import { transactionOptions, withRetries } from "./transactions";

/**
 * The money path's database steps (docs/money.md). Each runs inside the caller's
 * transaction and moves orders and payments only along the tables in lifecycle.ts,
 * as conditional updates on the statuses a move may start from, so two concurrent
 * steps cannot both win. What must happen after commit (cache invalidation, calling
 * the provider for a refund) comes back as `Effects` for `afterCommit`.
 */

export type Tx = Prisma.TransactionClient;

/** What the worker's jobs and the webhook need: no session. */
export type MoneyContext = Pick<Context, "db" | "catalog" | "cache" | "payments" | "clock">;

export interface Effects {
  /** Products whose availability changed. */
  slugs: string[];
  /** Refunds created, to send to the provider once committed. */
  refundIds: string[];
  /** Whether order money figures changed (analytics). */
  money: boolean;
  /** Whether notifications to e-mail were written (the mailer is woken). */
  mail: boolean;
}

export const noEffects = (): Effects => ({ slugs: [], refundIds: [], money: false, mail: false });

const merge = (a: Effects, b: Effects): Effects => ({
  slugs: [...new Set([...a.slugs, ...b.slugs])],
  refundIds: [...a.refundIds, ...b.refundIds],
  money: a.money || b.money,
  mail: a.mail || b.mail,
});

/** Runs a money-path step in a retried transaction, then its after-commit effects. */
export async function runMoneyStep<T>(ctx: MoneyContext, step: (tx: Tx) => Promise<{ result: T; effects: Effects }>): Promise<T> {
  const { result, effects } = await withRetries(() => ctx.db.$transaction(step, transactionOptions));
  await afterCommit(ctx, effects);
  return result;
}

/**
 * Invalidates what changed and tries each new refund at once; a refund that fails
 * here stays PENDING and its queued job retries it (enqueued with the refund row).
 */
export async function afterCommit(ctx: MoneyContext, effects: Effects): Promise<void> {
  const stale = [...effects.slugs.map(tags.product), ...(effects.money || effects.slugs.length ? [tags.analytics] : [])];
  if (stale.length) await invalidate(ctx, stale);
  if (effects.mail) await wakeMailer(ctx.db);
  for (const refundId of effects.refundIds) {
    await executeRefund(ctx, refundId).catch((error: unknown) =>
      logger.warn({ err: error, refundId }, "refund not accepted by the provider yet; its job retries it"),
    );
  }
}

/** Locks the order's row for the rest of the transaction, so money steps on one order run one at a time. */
async function lockOrder(tx: Tx, orderId: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, userId: true, status: true, total: true, currency: true, refundedTotal: true },
  });
  if (!order) throw notFound("Order");
  return order;
}

/** Locks the payment's row, so its refunds are counted and written one step at a time. */
async function lockPayment(tx: Tx, paymentId: string) {
  await tx.$queryRaw`SELECT 1 AS locked FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`;
}

const sumOf = (rows: { amount: Prisma.Decimal }[]) => rows.reduce((sum, row) => sum.add(row.amount), new Prisma.Decimal(0));

/** Moves an order to `to` if its status allows (the table decides); false if it did not move. */
async function moveOrder(tx: Tx, orderId: string, to: OrderStatus, now: Date): Promise<boolean> {
  const stamp = orderStatusTimestamps[to];
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: { in: orderStatusesBefore(to) } },
    data: { status: to, ...(stamp && { [stamp]: now }) },
  });
  return count === 1;
}

async function notify(tx: Tx, now: Date, userId: string | null, type: NotificationType, title: string, body: string, data: Prisma.InputJsonObject) {
  if (!userId) return;
  await tx.notification.create({ data: { userId, type, title, body, data, emailStatus: "PENDING", createdAt: now } });
}

async function slugsOf(tx: Tx, orderId: string): Promise<string[]> {
  const items = await tx.orderItem.findMany({ where: { orderId }, select: { product: { select: { slug: true } } } });
  return [...new Set(items.flatMap((item) => (item.product ? [item.product.slug] : [])))];
}

/**
 * Gives back all the stock an order holds: its live reservations are RELEASED, and
 * whatever it took through the ledger (a paid order's SALE rows, net of returns;
 * orders placed before reservations existed) comes back as CANCELLATION rows.
 * Variants in id order, as checkout takes them, so the two cannot deadlock.
 */
async function returnStock(tx: Tx, orderId: string, actorId: string | null, now: Date): Promise<void> {
  await settleHolds(tx, orderId, "RELEASED", now);
  const taken = await tx.inventoryTransaction.groupBy({ by: ["variantId"], where: { orderId }, _sum: { delta: true }, orderBy: { variantId: "asc" } });
  const restock = taken.flatMap(({ variantId, _sum }) => ((_sum.delta ?? 0) < 0 ? [{ variantId, delta: -(_sum.delta ?? 0) }] : []));
  if (restock.length) {
    await tx.inventoryTransaction.createMany({
      data: restock.map((row) => ({ ...row, reason: "CANCELLATION" as const, orderId, actorId, createdAt: now })),
    });
  }
}

/**
 * Ends the order's live holds: CONVERTED into sales (the trigger writes the SALE
 * rows) or RELEASED. One row at a time in variant-id order, as checkout takes them.
 */
async function settleHolds(tx: Tx, orderId: string, to: "CONVERTED" | "RELEASED", now: Date): Promise<void> {
  const held = await tx.stockReservation.findMany({ where: { orderId, status: "HELD" }, orderBy: { variantId: "asc" }, select: { id: true } });
  for (const reservation of held) {
    await tx.stockReservation.update({ where: { id: reservation.id }, data: { status: to, settledAt: now } });
  }
}

/**
 * Ends an unpaid order whose hold has run out: EXPIRED, its reservation released.
 * Not while a payment is PROCESSING at the provider (it may still succeed; the next
 * sweep looks again). Idempotent: false when there was nothing to do.
 */
export function expireOrder(ctx: MoneyContext, orderId: string): Promise<boolean> {
  const now = ctx.clock();
  return runMoneyStep(ctx, async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { id: orderId, status: { in: orderStatusesBefore("EXPIRED") }, expiresAt: { lte: now }, payments: { none: { status: "PROCESSING" } } },
      data: { status: "EXPIRED" },
    });
    if (!count) return { result: false, effects: noEffects() };
    const order = await lockOrder(tx, orderId);
    await returnStock(tx, orderId, null, now);
    await notify(tx, now, order.userId, "ORDER_STATUS_CHANGED", `Order #${order.number} expired`, `Order #${order.number} was not paid in time, so we released its items.`, {
      orderId,
      status: "EXPIRED",
    });
    return { result: true, effects: { ...noEffects(), slugs: await slugsOf(tx, orderId), mail: true } };
  });
}

/** The sweep: expires every unpaid order whose hold has ended (a safety net for missed jobs). */
export async function expireOverdueOrders(ctx: MoneyContext, batch = 500): Promise<number> {
  const overdue = await ctx.db.order.findMany({
    where: { status: "PENDING", expiresAt: { lte: ctx.clock() } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: batch,
  });
  let expired = 0;
  for (const { id } of overdue) if (await expireOrder(ctx, id)) expired++;
  return expired;
}

/**
 * Staff's moves (FULFILLING, SHIPPED, DELIVERED, CANCELLED). Cancelling returns the
 * stock and refunds whatever was captured, in full.
 */
export async function staffMoveOrder(tx: Tx, orderId: string, to: OrderStatus, actorId: string, now: Date): Promise<Effects> {
  const order = await lockOrder(tx, orderId);
  if (!canMoveOrder(order.status, to)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `A ${order.status} order cannot become ${to}` });
  }
  await moveOrder(tx, orderId, to, now);
  let effects = noEffects();
  if (to === "CANCELLED") {
    await returnStock(tx, orderId, actorId, now);
    effects = merge(
      { ...noEffects(), slugs: await slugsOf(tx, orderId), money: true },
      await refundRemaining(tx, orderId, { reason: "order cancelled", actorId, now }),
    );
  }
  await notify(tx, now, order.userId, "ORDER_STATUS_CHANGED", `Order #${order.number} is ${to.toLowerCase()}`, `Your order #${order.number} is now ${to.toLowerCase()}.`, {
    orderId,
    status: to,
  });
  return { ...effects, mail: true };
}

/**
 * Moves a payment to `to` if the payment table allows it from where it is; a move
 * it does not allow (a late or out-of-order event) changes nothing and answers
 * false. A payment that succeeds settles its order: PAID if the order still awaits
 * payment and the payment covers it; otherwise (cancelled, expired, already paid)
 * the money goes straight back.
 */
export async function applyPaymentStatus(tx: Tx, paymentId: string, to: PaymentStatus, now: Date): Promise<{ applied: boolean; effects: Effects }> {
  if (to === "REFUNDED" || to === "PARTIALLY_REFUNDED") {
    // A refund status with no amount (the test provider's events) means all of it.
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { amount: true } });
    return to === "REFUNDED" ? recordRefunded(tx, paymentId, payment.amount, now) : { applied: false, effects: noEffects() };
  }
  const { count } = await tx.payment.updateMany({ where: { id: paymentId, status: { in: paymentStatusesBefore(to) } }, data: { status: to } });
  if (!count) return { applied: false, effects: noEffects() };
  return { applied: true, effects: to === "SUCCEEDED" ? await settleSucceededPayment(tx, paymentId, now) : noEffects() };
}

async function settleSucceededPayment(tx: Tx, paymentId: string, now: Date): Promise<Effects> {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true, amount: true, currency: true } });
  const order = await lockOrder(tx, payment.orderId);
  const covers = payment.currency === order.currency && payment.amount.gte(order.total);
  if (order.status === "PENDING" && covers) {
    await moveOrder(tx, order.id, "PAID", now);
    await settleHolds(tx, order.id, "CONVERTED", now);
    await notify(tx, now, order.userId, "PAYMENT_RECEIVED", `Order #${order.number} is paid`, `We received ${payment.amount.toFixed(2)} ${payment.currency} for order #${order.number}.`, {
      orderId: order.id,
      amount: payment.amount.toFixed(2),
    });
    return { ...noEffects(), slugs: await slugsOf(tx, order.id), money: true, mail: true };
  }
  // Nothing can be paid once an order is cancelled or expired (or paid already):
  // the money taken goes back in full.
  return refundPayment(tx, paymentId, payment.amount, { reason: `order was ${order.status.toLowerCase()} when the payment succeeded`, actorId: null, now });
}

interface RefundRequest {
  reason: string;
  actorId: string | null;
  /** The context's clock: when the refund is asked for. */
  now: Date;
}

/** What a payment can still give back: captured minus refunded or being refunded. */
async function refundable(tx: Tx, paymentId: string) {
  await lockPayment(tx, paymentId);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { amount: true, refundedAmount: true, currency: true, status: true, refunds: { where: { status: { not: "FAILED" } }, select: { amount: true } } },
  });
  const committed = sumOf(payment.refunds);
  const captured = (capturedPaymentStatuses as readonly PaymentStatus[]).includes(payment.status);
  const remaining = captured ? payment.amount.sub(Prisma.Decimal.max(payment.refundedAmount, committed)) : new Prisma.Decimal(0);
  return { ...payment, remaining };
}

async function refundPayment(tx: Tx, paymentId: string, amount: Prisma.Decimal, request: RefundRequest): Promise<Effects> {
  const payment = await refundable(tx, paymentId);
  if (amount.lte(0) || amount.gt(payment.remaining)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `At most ${payment.remaining.toFixed(2)} ${payment.currency} can be refunded from this payment` });
  }
  const total = await tx.refund.count({ where: { paymentId } });
  const refund = await tx.refund.create({
    data: {
      paymentId,
      amount,
      currency: payment.currency,
      reason: request.reason,
      requestedById: request.actorId,
      createdAt: request.now,
      // Stable per refund: the provider applies a retried call once.
      idempotencyKey: `payment-${paymentId}-refund-${total + 1}`,
    },
    select: { id: true },
  });
  await scheduleRefund(tx, refund.id);
  return { ...noEffects(), refundIds: [refund.id], money: true };
}

/** Refunds everything still refundable of the order's captured payments. */
async function refundRemaining(tx: Tx, orderId: string, request: RefundRequest): Promise<Effects> {
  const payments = await tx.payment.findMany({ where: { orderId, status: { in: [...capturedPaymentStatuses] } }, select: { id: true }, orderBy: { id: "asc" } });
  let effects = noEffects();
  for (const { id } of payments) {
    const { remaining } = await refundable(tx, id);
    if (remaining.gt(0)) effects = merge(effects, await refundPayment(tx, id, remaining, request));
  }
  return effects;
}

/**
 * Staff refund of an order, in full (no amount) or in part, spread over its captured
 * payments oldest first and bounded by what they can still give back.
 */
export async function refundOrder(tx: Tx, orderId: string, amount: Prisma.Decimal | undefined, request: RefundRequest): Promise<Effects> {
  await lockOrder(tx, orderId);
  const payments = await tx.payment.findMany({ where: { orderId, status: { in: [...capturedPaymentStatuses] } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const left = await Promise.all(payments.map(async ({ id }) => ({ id, remaining: (await refundable(tx, id)).remaining })));
  const available = sumOf(left.map((payment) => ({ amount: payment.remaining })));
  let wanted = amount ?? available;
  if (wanted.lte(0) || wanted.gt(available)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: available.gt(0) ? `At most ${available.toFixed(2)} can be refunded` : "Nothing left to refund on this order" });
  }
  let effects = noEffects();
  for (const payment of left) {
    if (wanted.lte(0)) break;
    const part = Prisma.Decimal.min(wanted, payment.remaining);
    if (part.lte(0)) continue;
    effects = merge(effects, await refundPayment(tx, payment.id, part, request));
    wanted = wanted.sub(part);
  }
  return effects;
}

/**
 * Records what a payment has had refunded (the provider's cumulative figure, or our
 * own succeeded refunds, whichever is more: both only ever grow). The payment moves
 * to PARTIALLY_REFUNDED or REFUNDED along its table, the order's refundedTotal
 * follows, and a paid order refunded in full becomes REFUNDED.
 */
export async function recordRefunded(tx: Tx, paymentId: string, known: Prisma.Decimal, now: Date): Promise<{ applied: boolean; effects: Effects }> {
  await lockPayment(tx, paymentId);
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: { amount: true, currency: true, refundedAmount: true, orderId: true, refunds: { where: { status: "SUCCEEDED" }, select: { amount: true } } },
  });
  const ours = sumOf(payment.refunds);
  const refunded = Prisma.Decimal.min(payment.amount, Prisma.Decimal.max(payment.refundedAmount, known, ours));
  if (refunded.lte(payment.refundedAmount)) return { applied: false, effects: noEffects() };
  const to = refunded.eq(payment.amount) ? "REFUNDED" : "PARTIALLY_REFUNDED";
  const { count } = await tx.payment.updateMany({
    where: { id: paymentId, status: { in: paymentStatusesBefore(to) } },
    data: { status: to, refundedAmount: refunded },
  });
  if (!count) return { applied: false, effects: noEffects() };

  const order = await lockOrder(tx, payment.orderId);
  const sums = await tx.payment.aggregate({ where: { orderId: order.id }, _sum: { refundedAmount: true } });
  const refundedTotal = sums._sum.refundedAmount ?? new Prisma.Decimal(0);
  await tx.order.update({ where: { id: order.id }, data: { refundedTotal } });
  if (refundedTotal.gte(order.total) && (paidOrderStatuses as readonly OrderStatus[]).includes(order.status)) {
    await moveOrder(tx, order.id, "REFUNDED", now);
  }
  const added = refunded.sub(payment.refundedAmount);
  await notify(tx, now, order.userId, "ORDER_STATUS_CHANGED", `Refund for order #${order.number}`, `We refunded ${added.toFixed(2)} ${payment.currency} for order #${order.number}.`, {
    orderId: order.id,
    amount: added.toFixed(2),
    refunded: refundedTotal.toFixed(2),
  });
  return { applied: true, effects: { ...noEffects(), money: true, mail: true } };
}

/** After this many failed provider calls a refund is marked FAILED for staff to look at. */
export const refundAttemptLimit = 8;

/**
 * Sends a PENDING refund to the provider (the worker's `payment.refund` job, and
 * afterCommit's first try). The provider sees the same idempotency key on every
 * try, so a retry after a lost answer refunds once. Throws when the provider call
 * fails, so the job retries; a no-op once the refund is settled.
 */
export async function executeRefund(ctx: MoneyContext, refundId: string): Promise<void> {
  const refund = await ctx.db.refund.findUnique({
    where: { id: refundId },
    select: { status: true, amount: true, currency: true, idempotencyKey: true, attempts: true, paymentId: true, payment: { select: { providerRef: true } } },
  });
  if (!refund || refund.status !== "PENDING") return;
  if (!refund.payment.providerRef) throw new Error(`Payment ${refund.paymentId} has no provider reference to refund`);
  let providerRef: string;
  try {
    ({ providerRef } = await ctx.payments.refund({
      providerRef: refund.payment.providerRef,
      amount: refund.amount,
      currency: refund.currency,
      idempotencyKey: refund.idempotencyKey,
    }));
  } catch (error) {
    const attempts = refund.attempts + 1;
    await ctx.db.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: { attempts, failureReason: (error as Error).message.slice(0, 500), ...(attempts >= refundAttemptLimit && { status: "FAILED" }) },
    });
    throw error;
  }
  const now = ctx.clock();
  await runMoneyStep(ctx, async (tx) => {
    const { count } = await tx.refund.updateMany({
      where: { id: refundId, status: "PENDING" },
      data: { status: "SUCCEEDED", providerRef, settledAt: now, attempts: { increment: 1 }, failureReason: null },
    });
    if (!count) return { result: undefined, effects: noEffects() };
    const { effects } = await recordRefunded(tx, refund.paymentId, new Prisma.Decimal(0), now);
    return { result: undefined, effects };
  });
}
