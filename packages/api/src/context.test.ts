import { prisma } from "@shop/db";
import { describe, expect, it } from "vitest";
import { anonymousSession, createTRPCContext } from "./context";
import { callerFor, checkoutOne, createProduct, createUser, payOrder } from "./test/helpers";

describe("the API's clock", () => {
  it("stamps every step of an order, its payment, ledger rows, analytics event and notices with the context's time", async () => {
    const { variants } = await createProduct({ stock: 5, price: "20.00" });
    const customer = await createUser();
    const staff = await createUser(["ADMIN", "STAFF"]);
    const clock = { now: new Date("2026-09-01T10:00:00.000Z") };
    const at = { clock: () => clock.now };
    const buyer = callerFor(customer.session, at);
    const admin = callerFor(staff.session, at);

    const order = await checkoutOne(buyer, variants[0]!.id);
    const placedAt = clock.now;
    clock.now = new Date("2026-09-01T10:05:00.000Z");
    const paidAt = clock.now;
    await payOrder(buyer, order.id);
    clock.now = new Date("2026-09-02T09:00:00.000Z");
    await admin.admin.order.updateStatus({ id: order.id, status: "FULFILLING" });
    clock.now = new Date("2026-09-03T15:30:00.000Z");
    await admin.admin.order.updateStatus({ id: order.id, status: "SHIPPED" });

    const stored = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { placedAt: true, createdAt: true, paidAt: true, shippedAt: true, items: { select: { createdAt: true } }, payments: { select: { createdAt: true } } },
    });
    expect(stored).toMatchObject({ placedAt, createdAt: placedAt, paidAt, shippedAt: clock.now, items: [{ createdAt: placedAt }], payments: [{ createdAt: paidAt }] });
    const sale = await prisma.inventoryTransaction.findFirstOrThrow({ where: { orderId: order.id, reason: "SALE" }, select: { createdAt: true } });
    expect(sale.createdAt).toEqual(paidAt);
    const event = await prisma.analyticsEvent.findFirstOrThrow({ where: { orderId: order.id, type: "ORDER_PLACED" }, select: { occurredAt: true } });
    expect(event.occurredAt).toEqual(placedAt);
    const notices = await prisma.notification.findMany({ where: { userId: customer.id }, select: { createdAt: true }, orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => n.createdAt)).toEqual([placedAt, paidAt, new Date("2026-09-02T09:00:00.000Z"), clock.now]);

    // The dashboard counts it on the day the clock said, not today.
    const summary = await admin.admin.analytics.summary({ from: new Date("2026-09-01T00:00:00Z"), to: new Date("2026-09-01T23:59:59Z") });
    expect(summary.orders).toBe(1);
  });

  it("cannot be set by a request: whatever the request carries, its context keeps real time", async () => {
    const before = Date.now();
    const context = createTRPCContext({
      headers: new Headers({ date: "Mon, 01 Jan 2001 00:00:00 GMT", "x-clock": "2001-01-01T00:00:00Z", "x-now": "978307200000" }),
      session: anonymousSession,
      // @ts-expect-error A request context's options have no clock: only server code building an inner context sets one.
      clock: () => new Date("2001-01-01T00:00:00Z"),
    });
    const time = context.clock().getTime();
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });
});
