import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { createProduct, createUser, errorCode, payOrder, shippingAddress, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;

/**
 * The fixture, with every total worked out by hand (shipping 5.00 USD / 4.00 EUR below
 * 100, no tax):
 *   2025-03-01  USD  lamp ×1 → 25.00   USD  lamp ×1 → 25.00   (same total twice)
 *   2025-03-02  USD  lamp ×2 → 45.00   EUR  mug ×2 → 24.00    EUR  mug ×1 → 14.00, never paid
 *   2025-03-03  nothing
 */
async function placeOrder(variantId: string, quantity: number, day: string, paid: boolean) {
  const customer = await createUser();
  await customer.caller.cart.add({ variantId, quantity });
  const order = await customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress });
  const placedAt = new Date(`${day}T12:00:00Z`);
  if (paid) await payOrder(customer.caller, order.id);
  await prisma.order.update({ where: { id: order.id }, data: { placedAt, ...(paid && { paidAt: placedAt }) } });
  return order;
}

let lampId: string;
let mugId: string;
const range = { from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-03-03T23:59:59.999Z") };

beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
  await admin.caller.admin.settings.set({ key: "shipping.flatRate", value: { USD: "5.00", EUR: "4.00" } });
  await admin.caller.admin.settings.set({ key: "shipping.freeOver", value: { USD: "100.00", EUR: "100.00" } });
  await admin.caller.admin.settings.set({ key: "store.currencies", value: ["USD", "EUR"] });
  const lamp = await createProduct({ stock: 20, price: "20.00", name: "Lamp" });
  const mug = await createProduct({ stock: 20, price: "10.00", name: "Mug" });
  await prisma.product.update({ where: { id: mug.product.id }, data: { currency: "EUR", variants: { updateMany: { where: {}, data: { currency: "EUR" } } } } });
  lampId = lamp.product.id;
  mugId = mug.product.id;
  const lampVariant = lamp.variants[0]!.id;
  const mugVariant = mug.variants[0]!.id;
  const totals = [
    await placeOrder(lampVariant, 1, "2025-03-01", true),
    await placeOrder(lampVariant, 1, "2025-03-01", true),
    await placeOrder(lampVariant, 2, "2025-03-02", true),
    await placeOrder(mugVariant, 2, "2025-03-02", true),
    await placeOrder(mugVariant, 1, "2025-03-02", false),
  ].map((order) => `${order.total.toFixed(2)} ${order.currency}`);
  expect(totals).toEqual(["25.00 USD", "25.00 USD", "45.00 USD", "24.00 EUR", "14.00 EUR"]);
});

const money = <T extends { revenue: { toFixed(places: number): string } }>(row: T) => ({ ...row, revenue: row.revenue.toFixed(2) });

describe("admin.analytics.summary", () => {
  it("reports paid revenue, orders and average order value per currency, never summed across them", async () => {
    const summary = await admin.caller.admin.analytics.summary(range);
    expect(summary.orders).toBe(4);
    expect(summary.currencies.map((row) => [row.currency, row.orders, row.revenue.toFixed(2), row.averageOrderValue.toFixed(2)])).toEqual([
      ["EUR", 1, "24.00", "24.00"],
      ["USD", 3, "95.00", "31.67"],
    ]);
    expect(summary.daily.map((row) => [row.day.toISOString().slice(0, 10), row.currency, row.orders, row.revenue.toFixed(2)])).toEqual([
      ["2025-03-01", "USD", 2, "50.00"],
      ["2025-03-02", "EUR", 1, "24.00"],
      ["2025-03-02", "USD", 1, "45.00"],
    ]);
    expect(summary.topProducts.map(money)).toEqual([
      { productId: mugId, name: "Mug", currency: "EUR", quantity: 2, revenue: "20.00" },
      { productId: lampId, name: "Lamp", currency: "USD", quantity: 4, revenue: "80.00" },
    ]);
    expect(await errorCode(admin.caller.admin.analytics.summary({ from: range.to, to: range.from }))).toBe("BAD_REQUEST");
  });
});

describe("admin.analytics.rollup", () => {
  it("builds daily rows per currency that equal the summary for the same range", async () => {
    const day = new Date("2025-03-02T10:00:00Z");
    await admin.caller.admin.analytics.recordEvents({
      events: [
        { type: "PAGE_VIEW", occurredAt: day, sessionId: "a" },
        { type: "PAGE_VIEW", occurredAt: day, sessionId: "a" },
        { type: "PAGE_VIEW", occurredAt: day, sessionId: "b" },
        { type: "PRODUCT_VIEW", occurredAt: day, sessionId: "b" },
      ],
    });
    expect(await admin.caller.admin.analytics.rollup(range)).toEqual({ days: 3, rows: 4 });
    await admin.caller.admin.analytics.rollup(range);
    const rows = await admin.caller.admin.analytics.daily(range);
    // Traffic has no currency: it is counted once, on the shop's default currency's row.
    expect(rows.map((row) => [row.day.toISOString().slice(0, 10), row.currency, row.orders, row.revenue.toFixed(2), row.itemsSold, row.visitors, row.productViews])).toEqual([
      ["2025-03-01", "USD", 2, "50.00", 2, 0, 0],
      ["2025-03-02", "EUR", 1, "24.00", 2, 0, 0],
      ["2025-03-02", "USD", 1, "45.00", 2, 2, 1],
      ["2025-03-03", "USD", 0, "0.00", 0, 0, 0],
    ]);
  });

  it("drops a day's row for a currency once its orders no longer count", async () => {
    const eur = await prisma.order.findFirstOrThrow({ where: { currency: "EUR", status: "PAID" } });
    await prisma.order.update({ where: { id: eur.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await admin.caller.admin.analytics.rollup(range);
    const rows = await admin.caller.admin.analytics.daily(range);
    expect(rows.map((row) => `${row.day.toISOString().slice(0, 10)} ${row.currency} ${row.revenue.toFixed(2)}`)).toEqual([
      "2025-03-01 USD 50.00",
      "2025-03-02 USD 45.00",
      "2025-03-03 USD 0.00",
    ]);
  });
});
