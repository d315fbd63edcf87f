import { describe, expect, it } from "vitest";
import { prisma, Prisma } from "@shop/db";
import { createInnerContext } from "../context";
import { handlePaymentWebhook } from "../routers/payment/webhook";
import { callerFor, checkedStock, checkoutOne, createProduct, createUser, errorCode, payOrder, unique } from "../test/helpers";
import { expireOrder, expireOverdueOrders } from "./orders";
import { TestPaymentProvider, WebhookPayloadError, type RefundInput } from "./payments";

/** The test provider, keeping the refunds it was asked for, and failing them while `down`. */
class RecordingProvider extends TestPaymentProvider {
  readonly refunds: RefundInput[] = [];
  down = false;
  override async refund(input: RefundInput) {
    if (this.down) throw new Error("provider unreachable");
    this.refunds.push(input);
    return super.refund(input);
  }
}

/** A clock the test moves. */
function testClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) };
}

async function setup(options: { stock?: number; price?: string } = {}) {
  const provider = new RecordingProvider("whsec_local_test_provider_secret");
  const clock = testClock();
  const customer = await createUser();
  const staff = await createUser(["STAFF"]);
  const { product, variants } = await createProduct({ stock: options.stock ?? 5, price: options.price ?? "100.00" });
  const as = (session: typeof customer.session) => callerFor(session, { payments: provider, clock: clock.now });
  const ctx = createInnerContext({ session: null, payments: provider, clock: clock.now });
  const event = async (body: Record<string, unknown>) => {
    const payload = JSON.stringify({ id: unique("evt"), ...body });
    return (await handlePaymentWebhook(ctx, payload, provider.sign(payload))).status;
  };
  return { provider, clock, ctx, product, variantId: variants[0]!.id, buyer: as(customer.session), staff: as(staff.session), as, event };
}

const providerRef = async (orderId: string) =>
  (await prisma.payment.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" }, select: { providerRef: true } })).providerRef!;

describe("payment events move a payment forward only", () => {
  it("ignores a late 'failed' after success: the payment stays SUCCEEDED and the order PAID", async () => {
    const { buyer, variantId, event } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await payOrder(buyer, order.id);
    const ref = await providerRef(order.id);
    expect(await event({ type: "payment_intent.payment_failed", providerRef: ref, status: "FAILED" })).toBe("ignored");
    const after = await buyer.payment.status({ orderId: order.id });
    expect(after.payments[0]?.status).toBe("SUCCEEDED");
    expect(after.orderStatus).toBe("PAID");
    // Recorded all the same, for the record.
    expect(await prisma.paymentEvent.count({ where: { payload: { path: ["providerRef"], equals: ref } } })).toBe(1);
  });

  it("ignores a late 'succeeded' after a refund: the payment stays REFUNDED", async () => {
    const { buyer, staff, variantId, event } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await payOrder(buyer, order.id);
    await staff.admin.order.refund({ id: order.id });
    expect(await event({ type: "payment_intent.succeeded", providerRef: await providerRef(order.id), status: "SUCCEEDED" })).toBe("ignored");
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.status).toBe("REFUNDED");
    expect(payment.refundedAmount.toFixed(2)).toBe("100.00");
    expect((await buyer.order.byId({ id: order.id })).status).toBe("REFUNDED");
  });

  it("a failed payment can still succeed on the same intent (a retried card)", async () => {
    const { buyer, variantId, event } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await buyer.payment.createIntent({ orderId: order.id });
    const ref = await providerRef(order.id);
    expect(await event({ type: "payment_intent.payment_failed", providerRef: ref, status: "FAILED" })).toBe("applied");
    expect((await buyer.order.byId({ id: order.id })).status).toBe("PENDING");
    expect(await event({ type: "payment_intent.succeeded", providerRef: ref, status: "SUCCEEDED" })).toBe("applied");
    expect((await buyer.order.byId({ id: order.id })).status).toBe("PAID");
  });

  it("answers a correctly signed body that is not an event with a payload error, not a crash", async () => {
    const { ctx, provider } = await setup();
    for (const payload of ["{}", "not json", JSON.stringify({ id: "evt_1", type: "x", status: "PAID_IN_FULL" })]) {
      await expect(handlePaymentWebhook(ctx, payload, provider.sign(payload))).rejects.toThrow(WebhookPayloadError);
    }
  });
});

describe("nothing is paid once an order is cancelled or expired", () => {
  it("refuses to start or confirm a payment for a cancelled order", async () => {
    const { buyer, staff, variantId } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await buyer.payment.createIntent({ orderId: order.id });
    await staff.admin.order.updateStatus({ id: order.id, status: "CANCELLED" });
    expect(await errorCode(buyer.payment.confirm({ orderId: order.id }))).toBe("BAD_REQUEST");
    expect(await errorCode(buyer.payment.createIntent({ orderId: order.id }))).toBe("BAD_REQUEST");
    expect((await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } })).status).toBe("REQUIRES_PAYMENT");
  });

  it("gives the money back when the provider reports success for a cancelled order", async () => {
    const { buyer, staff, variantId, event, provider } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await buyer.payment.createIntent({ orderId: order.id });
    await staff.admin.order.updateStatus({ id: order.id, status: "CANCELLED" });
    expect(await event({ type: "payment_intent.succeeded", providerRef: await providerRef(order.id), status: "SUCCEEDED" })).toBe("applied");
    const after = await staff.admin.order.list({ q: String(order.number) });
    expect(after.items[0]?.status).toBe("CANCELLED");
    expect(after.items[0]?.payments[0]).toMatchObject({ status: "REFUNDED" });
    expect(provider.refunds.map((r) => r.amount.toFixed(2))).toEqual(["100.00"]);
    // The stock stayed released: the cancelled order sold nothing.
    expect(await checkedStock(variantId)).toEqual({ onHand: 5, reserved: 0, available: 5 });
  });

  it("refuses the database an order marked PAID without a covering payment, and a payment for a cancelled order", async () => {
    const { buyer, staff, variantId } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await expect(prisma.order.update({ where: { id: order.id }, data: { status: "PAID" } })).rejects.toThrow(/without a succeeded payment/);
    await staff.admin.order.updateStatus({ id: order.id, status: "CANCELLED" });
    await expect(
      prisma.payment.create({ data: { orderId: order.id, provider: "MANUAL", amount: "100.00", currency: "USD", idempotencyKey: unique("k") } }),
    ).rejects.toThrow(/awaiting payment/);
  });
});

describe("stock is held only while paying", () => {
  it("holds stock at checkout, so one unpaid customer cannot block others past the hold", async () => {
    const { buyer, as, variantId, clock, ctx } = await setup({ stock: 3 });
    const hoarder = await checkoutOne(buyer, variantId, 3);
    expect(await checkedStock(variantId)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    const other = as((await createUser()).session);
    expect(await errorCode(checkoutOne(other, variantId))).toBe("CONFLICT");

    // Before the hold ends nothing expires, even if asked.
    clock.advance(29);
    expect(await expireOrder(ctx, hoarder.id)).toBe(false);
    clock.advance(2);
    expect(await errorCode(buyer.payment.createIntent({ orderId: hoarder.id }))).toBe("BAD_REQUEST");
    expect(await expireOverdueOrders(ctx)).toBeGreaterThanOrEqual(1);
    expect(await expireOrder(ctx, hoarder.id)).toBe(false); // idempotent
    expect((await buyer.order.byId({ id: hoarder.id })).status).toBe("EXPIRED");
    expect(await checkedStock(variantId)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect((await prisma.stockReservation.findMany({ where: { orderId: hoarder.id } })).map((r) => r.status)).toEqual(["RELEASED"]);

    const bought = await checkoutOne(other, variantId, 2);
    await payOrder(other, bought.id);
    expect(await checkedStock(variantId)).toEqual({ onHand: 1, reserved: 0, available: 1 });
  });

  it("turns the hold into a sale when paid, and the sale back into stock when a paid order is cancelled", async () => {
    const { buyer, staff, variantId, provider } = await setup({ stock: 4 });
    const order = await checkoutOne(buyer, variantId, 3);
    await payOrder(buyer, order.id);
    expect(await checkedStock(variantId)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    const ledger = await prisma.inventoryTransaction.findMany({ where: { orderId: order.id }, select: { delta: true, reason: true } });
    expect(ledger).toEqual([{ delta: -3, reason: "SALE" }]);

    const cancelled = await staff.admin.order.updateStatus({ id: order.id, status: "CANCELLED" });
    expect(cancelled.status).toBe("CANCELLED");
    expect(await checkedStock(variantId)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    // Cancelling a paid order refunds it through the provider.
    expect(provider.refunds.map((r) => [r.amount.toFixed(2), r.currency])).toEqual([["300.00", "USD"]]);
    expect(cancelled.payments[0]).toMatchObject({ status: "REFUNDED" });
    expect(cancelled.refundedTotal.toFixed(2)).toBe("300.00");
  });

  it("removes from the cart only the lines checkout priced", async () => {
    const { buyer, variantId } = await setup({ stock: 10 });
    const { variants } = await createProduct({ stock: 10 });
    await buyer.cart.clear();
    await buyer.cart.add({ variantId, quantity: 2 });
    // Checkout waits on the variant's stock row, which a concurrent writer holds, after pricing the cart.
    const blocker = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM "Inventory" WHERE "variantId" = ${variantId} FOR UPDATE`;
      const pending = buyer.order.checkout({ idempotencyKey: unique("checkout"), address: { street: "1 St", city: "C", state: "S", zipCode: "1", country: "US" } });
      await waitForLockWait();
      // Meanwhile the customer adds a new line and one more of the priced line.
      await buyer.cart.add({ variantId: variants[0]!.id, quantity: 1 });
      await buyer.cart.add({ variantId, quantity: 1 });
      return { pending };
    });
    const order = await blocker.pending;
    expect(order.items.map((item) => item.quantity)).toEqual([2]);
    const cart = await buyer.cart.get();
    expect(cart.items.map((item) => [item.variant.id, item.quantity]).sort()).toEqual([[variantId, 1], [variants[0]!.id, 1]].sort());
  });

  it("takes out of the cart the priced quantity of a line that grew while checkout was removing it", async () => {
    const { buyer, variantId } = await setup({ stock: 10 });
    await buyer.cart.clear();
    await buyer.cart.add({ variantId, quantity: 2 });
    const [line] = await prisma.cartItem.findMany({ where: { variantId }, select: { id: true } });
    // Checkout prices 2, then waits on the cart line, which a concurrent writer holds and grows to 3.
    const pending = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM "CartItem" WHERE id = ${line!.id} FOR UPDATE`;
      const checkout = buyer.order.checkout({ idempotencyKey: unique("checkout"), address: { street: "1 St", city: "C", state: "S", zipCode: "1", country: "US" } });
      await waitForLockWait();
      await tx.cartItem.update({ where: { id: line!.id }, data: { quantity: 3 } });
      return { checkout };
    });
    const order = await pending.checkout;
    expect(order.items.map((item) => item.quantity)).toEqual([2]);
    expect((await buyer.cart.get()).items.map((item) => item.quantity)).toEqual([1]);
  });
});

/** Waits (bounded) until some session of the database is waiting on a row lock. */
async function waitForLockWait() {
  for (let i = 0; i < 200; i++) {
    const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (Number(row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("checkout never waited on the locked stock row");
}

describe("refunds", () => {
  it("refunds part of a paid order through the provider, bounded by what was captured", async () => {
    const { buyer, staff, variantId, provider } = await setup({ price: "40.00" });
    const order = await checkoutOne(buyer, variantId, 2);
    await payOrder(buyer, order.id);
    expect(order.total.toFixed(2)).toBe("85.00"); // 80.00 + 5.00 shipping (under the 100.00 threshold)

    const partly = await staff.admin.order.refund({ id: order.id, amount: "30.50", reason: "one item damaged" });
    expect(provider.refunds.map((r) => r.amount.toFixed(2))).toEqual(["30.50"]);
    expect(partly.status).toBe("PAID");
    expect(partly.refundedTotal.toFixed(2)).toBe("30.50");
    expect(partly.payments[0]).toMatchObject({ status: "PARTIALLY_REFUNDED" });
    expect(partly.payments[0]?.refundedAmount.toFixed(2)).toBe("30.50");

    expect(await errorCode(staff.admin.order.refund({ id: order.id, amount: "54.51" }))).toBe("BAD_REQUEST");
    expect(await errorCode(staff.admin.order.refund({ id: order.id, amount: "0" }))).toBe("BAD_REQUEST");
    expect(await errorCode(staff.admin.order.refund({ id: order.id, amount: "-1" }))).toBe("BAD_REQUEST");

    const rest = await staff.admin.order.refund({ id: order.id });
    expect(provider.refunds.map((r) => r.amount.toFixed(2))).toEqual(["30.50", "54.50"]);
    expect(rest.status).toBe("REFUNDED");
    expect(rest.payments[0]).toMatchObject({ status: "REFUNDED" });
    expect(await errorCode(staff.admin.order.refund({ id: order.id }))).toBe("BAD_REQUEST");
    // Each refund has its own key, so the provider applies a retried call once.
    expect(new Set(provider.refunds.map((r) => r.idempotencyKey)).size).toBe(2);
  });

  it("refuses to refund an unpaid order, and a customer cannot refund at all", async () => {
    const { buyer, staff, variantId } = await setup();
    const order = await checkoutOne(buyer, variantId);
    expect(await errorCode(staff.admin.order.refund({ id: order.id }))).toBe("BAD_REQUEST");
    expect(await errorCode((buyer as unknown as typeof staff).admin.order.refund({ id: order.id }))).toBe("FORBIDDEN");
  });

  it("keeps a refund the provider could not take PENDING, then completes it once on retry", async () => {
    const { buyer, staff, variantId, provider, ctx } = await setup();
    const order = await checkoutOne(buyer, variantId);
    await payOrder(buyer, order.id);
    provider.down = true;
    const asked = await staff.admin.order.refund({ id: order.id, amount: "10.00" });
    expect(asked.payments[0]).toMatchObject({ status: "SUCCEEDED" });
    const refund = await prisma.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    expect(refund).toMatchObject({ status: "PENDING", attempts: 1, failureReason: "provider unreachable" });

    provider.down = false;
    const { executeRefund } = await import("./orders");
    await executeRefund(ctx, refund.id);
    await executeRefund(ctx, refund.id); // a redelivered job: no second refund
    expect(provider.refunds).toHaveLength(1);
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.status).toBe("PARTIALLY_REFUNDED");
    expect(payment.refundedAmount.toFixed(2)).toBe("10.00");
  });

  it("records the provider's cumulative refunded amount from its events, partial then full", async () => {
    const { buyer, variantId, event } = await setup({ price: "60.00" });
    const order = await checkoutOne(buyer, variantId);
    await payOrder(buyer, order.id);
    const ref = await providerRef(order.id);
    expect(await event({ type: "charge.refunded", providerRef: ref, refundedAmount: "12.34" })).toBe("applied");
    let payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect([payment.status, payment.refundedAmount.toFixed(2)]).toEqual(["PARTIALLY_REFUNDED", "12.34"]);
    // An older figure arriving late changes nothing.
    expect(await event({ type: "charge.refunded", providerRef: ref, refundedAmount: "10.00" })).toBe("ignored");
    expect(await event({ type: "charge.refunded", providerRef: ref, refundedAmount: "65.00" })).toBe("applied");
    payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect([payment.status, payment.refundedAmount.toFixed(2)]).toEqual(["REFUNDED", "65.00"]);
    expect((await buyer.order.byId({ id: order.id })).status).toBe("REFUNDED");
  });
});

describe("money columns", () => {
  it("refuses refunds adding up to more than the payment captured, in the database", async () => {
    const { buyer, variantId } = await setup({ price: "20.00" });
    const order = await checkoutOne(buyer, variantId);
    await payOrder(buyer, order.id);
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    const refund = (amount: string) =>
      prisma.refund.create({ data: { paymentId: payment.id, amount: new Prisma.Decimal(amount), currency: "USD", idempotencyKey: unique("r") } });
    await refund("20.00");
    await expect(refund("5.01")).rejects.toThrow(/exceed what it captured/);
  });
});
