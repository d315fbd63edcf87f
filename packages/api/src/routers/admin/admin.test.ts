import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { anonymous, createProduct, createUser, errorCode, payOrder, shippingAddress, unique } from "../../test/helpers";

let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  admin = await createUser(["ADMIN"]);
});

async function ledgerSum(variantId: string) {
  return (await prisma.inventoryTransaction.aggregate({ where: { variantId }, _sum: { delta: true } }))._sum.delta ?? 0;
}

describe("admin", () => {
  it("creates, edits, lists and archives products and their variants", async () => {
    const category = await admin.caller.admin.category.create({ name: "Kitchen", slug: unique("kitchen") });
    const product = await admin.caller.admin.product.create({
      name: "Kettle", slug: unique("kettle"), price: "30", categoryId: category.id, sku: unique("KET"), status: "ACTIVE",
    });
    expect(product.variants).toHaveLength(1);
    expect(product.price.toFixed(2)).toBe("30.00");
    const variant = await admin.caller.admin.product.upsertVariant({ productId: product.id, sku: unique("KET-XL"), price: "35.5", options: { size: "XL" } });
    expect(variant.inventory).toEqual({ onHand: 0, reserved: 0 });
    expect((await admin.caller.admin.product.byId({ id: product.id })).variants).toHaveLength(2);
    expect((await admin.caller.admin.product.list({ q: "kett" })).items.map((p) => p.id)).toContain(product.id);
    expect(await errorCode(admin.caller.admin.product.create({ name: "Dup", slug: product.slug, price: "1", categoryId: category.id }))).toBe("CONFLICT");
    expect(await errorCode(admin.caller.admin.product.update({ id: product.id, price: "-1" }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.product.update({ id: "missing", name: "x" }))).toBe("NOT_FOUND");
    expect((await admin.caller.admin.product.archive({ id: product.id })).status).toBe("ARCHIVED");
    expect(await errorCode(anonymous().product.bySlug({ slug: product.slug }))).toBe("NOT_FOUND");
  });

  it("manages categories and refuses to delete one in use", async () => {
    const parent = await admin.caller.admin.category.create({ name: "Garden", slug: unique("garden") });
    const child = await admin.caller.admin.category.create({ name: "Tools", slug: unique("tools"), parentId: parent.id });
    expect((await admin.caller.admin.category.update({ id: child.id, position: 2 })).position).toBe(2);
    expect(await errorCode(admin.caller.admin.category.update({ id: child.id, parentId: child.id }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.category.delete({ id: parent.id }))).toBe("CONFLICT");
    await admin.caller.admin.category.delete({ id: child.id });
    await admin.caller.admin.category.delete({ id: parent.id });
    expect((await admin.caller.admin.category.list()).find((c) => c.id === parent.id)).toBeUndefined();
  });

  it("adjusts stock through the ledger, refuses to go negative, and lists low stock", async () => {
    const { variants } = await createProduct();
    const variantId = variants[0]!.id;
    await admin.caller.admin.inventory.adjust({ variantId, delta: 12, reason: "RESTOCK", lowStockThreshold: 5 });
    const after = await admin.caller.admin.inventory.adjust({ variantId, delta: -9, reason: "DAMAGE", note: "water" });
    expect(after.onHand).toBe(3);
    expect(await ledgerSum(variantId)).toBe(3);
    expect(await errorCode(admin.caller.admin.inventory.adjust({ variantId, delta: -4, reason: "ADJUSTMENT" }))).toBe("CONFLICT");
    expect(await errorCode(admin.caller.admin.inventory.adjust({ variantId, delta: 0, reason: "ADJUSTMENT" }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.inventory.adjust({ variantId: "missing", delta: 1, reason: "RESTOCK" }))).toBe("NOT_FOUND");
    expect(await ledgerSum(variantId)).toBe(3);
    const low = await admin.caller.admin.inventory.list({ lowStock: true, limit: 100 });
    expect(low.items.map((i) => i.variantId)).toContain(variantId);
    expect(low.items.every((i) => i.onHand <= i.lowStockThreshold)).toBe(true);
    const ledger = await admin.caller.admin.inventory.ledger({ variantId, limit: 10 });
    expect(ledger.map((row) => [row.delta, row.reason, row.actor?.id])).toEqual([[-9, "DAMAGE", admin.id], [12, "RESTOCK", admin.id]]);
  });

  it("moves orders along legal transitions only, and cancelling returns the stock", async () => {
    const customer = await createUser();
    const { variants } = await createProduct({ stock: 5 });
    const variantId = variants[0]!.id;
    await customer.caller.cart.add({ variantId, quantity: 2 });
    const order = await customer.caller.order.checkout({ idempotencyKey: unique("checkout"), address: shippingAddress });
    expect(await errorCode(admin.caller.admin.order.updateStatus({ id: order.id, status: "SHIPPED" }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.order.updateStatus({ id: order.id, status: "PAID" as "FULFILLING" }))).toBe("BAD_REQUEST");
    await payOrder(customer.caller, order.id);
    await admin.caller.admin.order.updateStatus({ id: order.id, status: "FULFILLING" });
    expect((await prisma.inventory.findUniqueOrThrow({ where: { variantId } })).onHand).toBe(3);
    const cancelled = await admin.caller.admin.order.updateStatus({ id: order.id, status: "CANCELLED" });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await prisma.inventory.findUniqueOrThrow({ where: { variantId } })).onHand).toBe(5);
    expect(await ledgerSum(variantId)).toBe(5);
    expect(await errorCode(admin.caller.admin.order.updateStatus({ id: order.id, status: "FULFILLING" }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.order.updateStatus({ id: "missing", status: "SHIPPED" }))).toBe("NOT_FOUND");
    expect((await admin.caller.admin.order.list({ status: "CANCELLED", q: String(order.number) })).items.map((o) => o.id)).toEqual([order.id]);
    const types = (await customer.caller.notification.list({})).items.map((n) => n.type);
    expect(types.filter((t) => t === "ORDER_STATUS_CHANGED")).toHaveLength(3);
  });

  it("lists users and sets roles, but not away from oneself", async () => {
    const customer = await createUser();
    const found = await admin.caller.admin.user.list({ q: customer.email });
    expect(found.items.map((u) => u.id)).toEqual([customer.id]);
    const updated = await admin.caller.admin.user.setRoles({ userId: customer.id, roles: ["CUSTOMER", "STAFF"] });
    expect(updated.roles.map((r) => r.role).sort()).toEqual(["CUSTOMER", "STAFF"]);
    expect((await admin.caller.admin.user.list({ role: "STAFF" })).items.map((u) => u.id)).toContain(customer.id);
    expect(await errorCode(admin.caller.admin.user.setRoles({ userId: admin.id, roles: ["CUSTOMER"] }))).toBe("BAD_REQUEST");
    expect(await errorCode(admin.caller.admin.user.setRoles({ userId: "missing", roles: ["CUSTOMER"] }))).toBe("NOT_FOUND");
  });
});

describe("admin batch imports", () => {
  it("imports products with variants and opening stock once, skipping what exists", async () => {
    const category = await admin.caller.admin.category.create({ name: "Batch", slug: unique("batch") });
    const products = [1, 2, 3].map((n) => ({
      name: `Batch ${n}`,
      slug: unique("batch-product"),
      price: "5.00",
      categoryId: category.id,
      variants: [
        { sku: unique("B-S"), price: "5.00", options: { size: "S" }, stock: n },
        { sku: unique("B-M"), price: "5.50", options: { size: "M" }, stock: 0 },
      ],
    }));
    expect(await admin.caller.admin.product.createMany({ products })).toEqual({ createdProducts: 3, createdVariants: 6, skippedProducts: 0 });
    expect(await admin.caller.admin.product.createMany({ products })).toEqual({ createdProducts: 0, createdVariants: 0, skippedProducts: 3 });
    const third = await anonymous().product.bySlug({ slug: products[2]!.slug });
    expect(third.variants.map((v) => v.available)).toEqual([3, 0]);
    const stocked = await prisma.productVariant.findUniqueOrThrow({ where: { sku: products[2]!.variants[0]!.sku }, include: { inventory: true } });
    expect(await ledgerSum(stocked.id)).toBe(stocked.inventory?.onHand);
    expect((await prisma.product.findUniqueOrThrow({ where: { slug: products[2]!.slug } })).quantity).toBe(3);
  });

  it("records analytics events and reports them per day and type", async () => {
    const day = new Date("2026-01-15T12:00:00Z");
    await admin.caller.admin.analytics.recordEvents({
      events: [
        { type: "PAGE_VIEW", occurredAt: day, sessionId: "s1" },
        { type: "PAGE_VIEW", occurredAt: day, sessionId: "s2" },
        { type: "SEARCH", occurredAt: day, metadata: { q: "tent" } },
      ],
    });
    const counts = await admin.caller.admin.analytics.events({ from: new Date("2026-01-15"), to: new Date("2026-01-16") });
    expect(counts.map((row) => [row.type, row.count])).toEqual([["PAGE_VIEW", 2], ["SEARCH", 1]]);
  });
});
