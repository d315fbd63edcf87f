import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { createProduct, createUser, errorCode, shippingAddress, unique } from "../test/helpers";

describe("cart and wishlist", () => {
  it("adds, merges, updates, removes and clears cart lines, priced from the database", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 10, price: "2.50", variants: 2 });
    const [a, b] = [variants[0]!, variants[1]!];
    await customer.caller.cart.add({ variantId: a.id, quantity: 1 });
    let cart = await customer.caller.cart.add({ variantId: a.id, quantity: 2 });
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]?.quantity).toBe(3);
    cart = await customer.caller.cart.add({ variantId: b.id, quantity: 1 });
    expect(cart.subtotal.toFixed(2)).toBe("10.00");
    expect(cart.itemCount).toBe(4);
    cart = await customer.caller.cart.update({ variantId: a.id, quantity: 1 });
    expect(cart.subtotal.toFixed(2)).toBe("5.00");
    cart = await customer.caller.cart.remove({ variantId: b.id });
    expect(cart.items.map((i) => i.variant.id)).toEqual([a.id]);
    expect((await customer.caller.cart.clear()).items).toEqual([]);
  });

  it("refuses bad quantities, unknown variants and items not for sale", async () => {
    const customer = await createUser();
    const { product, variants } = await createProduct({ stock: 1 });
    expect(await errorCode(customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 0 }))).toBe("BAD_REQUEST");
    expect(await errorCode(customer.caller.cart.add({ variantId: "nope", quantity: 1 }))).toBe("NOT_FOUND");
    expect(await errorCode(customer.caller.cart.update({ variantId: variants[0]!.id, quantity: 2 }))).toBe("NOT_FOUND");
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1_000 });
    expect(await errorCode(customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 }))).toBe("BAD_REQUEST");
    await prisma.product.update({ where: { id: product.id }, data: { status: "ARCHIVED" } });
    expect(await errorCode(customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 }))).toBe("BAD_REQUEST");
    expect((await customer.caller.cart.get()).items[0]?.purchasable).toBe(false);
    expect(await errorCode(customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress }))).toBe("BAD_REQUEST");
  });

  it("holds concurrent adds to the per-line limit, and answers a deleted account's session with BAD_REQUEST, not a 500", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 1 });
    const variantId = variants[0]!.id;
    // Two tabs adding 600 each: the limit is checked in the same statement that adds, so one is refused.
    const adds = await Promise.allSettled([600, 600].map((quantity) => customer.caller.cart.add({ variantId, quantity })));
    expect(adds.map((add) => add.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await customer.caller.cart.get()).items.map((item) => item.quantity)).toEqual([600]);

    await prisma.user.delete({ where: { id: customer.id } });
    expect(await errorCode(customer.caller.cart.add({ variantId, quantity: 1 }))).toBe("BAD_REQUEST");
  });

  it("keeps one wishlist entry per product, per customer", async () => {
    const customer = await createUser();
    const other = await createUser();
    const { product } = await createProduct();
    await customer.caller.wishlist.add({ productId: product.id });
    await customer.caller.wishlist.add({ productId: product.id });
    expect((await customer.caller.wishlist.list()).map((w) => w.product.id)).toEqual([product.id]);
    expect(await other.caller.wishlist.list()).toEqual([]);
    await customer.caller.wishlist.remove({ productId: product.id });
    expect(await customer.caller.wishlist.list()).toEqual([]);
    expect(await errorCode(customer.caller.wishlist.add({ productId: "missing" }))).toBe("BAD_REQUEST");
  });

  it("lists a customer's own orders only", async () => {
    const customer = await createUser();
    const other = await createUser();
    const { variants } = await createProduct({ stock: 5 });
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress });
    expect((await customer.caller.order.list({})).items.map((o) => o.id)).toEqual([order.id]);
    expect((await other.caller.order.list({})).items).toEqual([]);
    expect(await errorCode(other.caller.order.byId({ id: order.id }))).toBe("NOT_FOUND");
  });
});
