import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { checkedStock, createProduct, createUser, errorCode, shippingAddress, unique } from "../../test/helpers";

const available = async (variantId: string) => (await checkedStock(variantId)).available;

describe("order.checkout", () => {
  it("re-prices from the database, snapshots the order, holds the stock and clears the cart", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 5, price: "40.00", variants: 2 });
    const [first, second] = [variants[0]!, variants[1]!];
    await customer.caller.cart.add({ variantId: first.id, quantity: 2 });
    await customer.caller.cart.add({ variantId: second.id, quantity: 1 });
    // The price changes after the items went into the cart: checkout charges the new one.
    await prisma.productVariant.update({ where: { id: second.id }, data: { price: "45.50" } });

    const order = await customer.caller.order.checkout({ idempotencyKey: unique("key"), address: shippingAddress });
    expect(order.status).toBe("PENDING");
    expect(order.number).toBeGreaterThan(1000);
    expect(order.subtotal.toFixed(2)).toBe("125.50");
    expect(order.shippingTotal.toFixed(2)).toBe("0.00"); // free over 100 by default
    expect(order.total.toFixed(2)).toBe("125.50");
    expect(order.items.map((item) => [item.sku, item.quantity, item.unitPrice.toFixed(2)]).sort()).toEqual(
      [[first.sku, 2, "40.00"], [second.sku, 1, "45.50"]].sort(),
    );
    expect(order.shipCity).toBe("Testville");

    // Held, not sold: on hand stays 5 until the order is paid.
    expect(await checkedStock(first.id)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    expect(await checkedStock(second.id)).toEqual({ onHand: 5, reserved: 1, available: 4 });
    expect(await prisma.inventoryTransaction.count({ where: { orderId: order.id } })).toBe(0);
    const held = await prisma.stockReservation.findMany({ where: { orderId: order.id }, select: { variantId: true, quantity: true, status: true } });
    expect(held.sort((a, b) => a.quantity - b.quantity)).toEqual([
      { variantId: second.id, quantity: 1, status: "HELD" },
      { variantId: first.id, quantity: 2, status: "HELD" },
    ]);
    // The hold lasts the default 30 minutes from checkout.
    const minutes = (order.expiresAt!.getTime() - order.placedAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29.9);
    expect(minutes).toBeLessThan(30.1);
    expect((await customer.caller.cart.get()).items).toEqual([]);

    // The snapshot survives later edits to the catalog.
    await prisma.productVariant.update({ where: { id: first.id }, data: { price: "99.00" } });
    const again = await customer.caller.order.byId({ id: order.id });
    expect(again.items.find((item) => item.sku === first.sku)?.unitPrice.toFixed(2)).toBe("40.00");
  });

  it("charges flat shipping below the free-shipping threshold and uses a saved address", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 5, price: "12.00" });
    const address = await customer.caller.address.create({ ...shippingAddress, city: "Saved City" });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("key"), addressId: address.id });
    expect(order.shippingTotal.toFixed(2)).toBe("5.00");
    expect(order.total.toFixed(2)).toBe("17.00");
    expect(order.shipCity).toBe("Saved City");
  });

  it("returns the same order for the same idempotency key, even concurrently", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 5 });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const key = unique("key");
    const orders = await Promise.all(
      Array.from({ length: 5 }, () => customer.caller.order.checkout({ idempotencyKey: key, address: shippingAddress })),
    );
    expect(new Set(orders.map((order) => order.id)).size).toBe(1);
    expect(await available(variants[0]!.id)).toBe(4);
  });

  it("refuses an empty cart, a missing address and another customer's address", async () => {
    const customer = await createUser();
    const other = await createUser();
    expect(await errorCode(customer.caller.order.checkout({ idempotencyKey: unique("key"), address: shippingAddress }))).toBe("BAD_REQUEST");
    const { variants } = await createProduct({ stock: 5 });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const theirs = await other.caller.address.create(shippingAddress);
    expect(await errorCode(customer.caller.order.checkout({ idempotencyKey: unique("key"), addressId: theirs.id }))).toBe("NOT_FOUND");
    expect(await errorCode(customer.caller.order.checkout({ idempotencyKey: unique("key") }))).toBe("BAD_REQUEST");
  });

  it("refuses to oversell and names the short item", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 2 });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 3 });
    const error = await customer.caller.order.checkout({ idempotencyKey: unique("key"), address: shippingAddress }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as Error).message).toContain(variants[0]!.sku);
    expect(await available(variants[0]!.id)).toBe(2);
    expect(await prisma.order.count({ where: { userId: customer.id } })).toBe(0);
  });

  it("50 customers racing for 10 units: exactly 10 orders, stock 0, ledger consistent", async () => {
    const { variants } = await createProduct({ stock: 10 });
    const variantId = variants[0]!.id;
    const customers = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    await Promise.all(customers.map((customer) => customer.caller.cart.add({ variantId, quantity: 1 })));

    const results = await Promise.allSettled(
      customers.map((customer) => customer.caller.order.checkout({ idempotencyKey: unique("race"), address: shippingAddress })),
    );
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(10);
    for (const failure of rejected) expect(failure.reason).toMatchObject({ code: "CONFLICT" });
    expect(await available(variantId)).toBe(0);
    expect(await prisma.orderItem.count({ where: { variantId } })).toBe(10);
    const negative = await prisma.inventory.count({ where: { OR: [{ onHand: { lt: 0 } }, { reserved: { lt: 0 } }] } });
    expect(negative).toBe(0);
  });
});
