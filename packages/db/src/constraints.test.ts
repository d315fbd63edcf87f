import { beforeAll, describe, expect, it } from "vitest";
import { Prisma, prisma } from "./index";
import { buildShop, unique } from "./testing/fixtures";

let shop: Awaited<ReturnType<typeof buildShop>>;

beforeAll(async () => {
  shop = await buildShop(prisma);
});

/** Asserts a unique violation and returns the fields Prisma names. */
async function expectUniqueViolation(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2002");
  return (error as Error).message;
}

describe("constraints refuse what they must", () => {
  it("duplicate category slug", async () => {
    const message = await expectUniqueViolation(
      prisma.category.create({ data: { name: "Again", slug: shop.category.slug } }),
    );
    expect(message).toMatch(/slug/);
  });

  it("duplicate product slug and duplicate variant SKU", async () => {
    await expectUniqueViolation(
      prisma.product.create({ data: { name: "Dup", slug: shop.product.slug, price: 1, categoryId: shop.category.id } }),
    );
    const message = await expectUniqueViolation(
      prisma.productVariant.create({ data: { productId: shop.product.id, sku: shop.largeVariant.sku, price: 1 } }),
    );
    expect(message).toMatch(/sku/);
  });

  it("duplicate e-mail", async () => {
    const message = await expectUniqueViolation(prisma.user.create({ data: { email: shop.customer.email } }));
    expect(message).toMatch(/email/);
  });

  it("a second review, cart line or wishlist entry for the same user and product", async () => {
    await expectUniqueViolation(prisma.review.create({ data: { userId: shop.customer.id, productId: shop.product.id, rating: 3 } }));
    await expectUniqueViolation(prisma.cartItem.create({ data: { userId: shop.customer.id, variantId: shop.largeVariant.id, quantity: 1 } }));
    await expectUniqueViolation(prisma.wishlistItem.create({ data: { userId: shop.customer.id, productId: shop.product.id } }));
  });

  it("a replayed payment-provider event id", async () => {
    const eventId = unique("evt");
    await prisma.paymentEvent.create({ data: { provider: "STRIPE", eventId, type: "x", payload: {} } });
    await expectUniqueViolation(prisma.paymentEvent.create({ data: { provider: "STRIPE", eventId, type: "x", payload: {} } }));
  });

  it("a reused checkout idempotency key for the same customer", async () => {
    await expectUniqueViolation(
      prisma.order.create({
        data: {
          userId: shop.customer.id,
          idempotencyKey: shop.order.idempotencyKey,
          email: "e@example.test",
          subtotal: 0,
          total: 0,
          shipName: "n", shipStreet: "s", shipCity: "c", shipState: "s", shipZipCode: "z", shipCountry: "US",
        },
      }),
    );
  });

  it("negative stock: a movement larger than the stock on hand", async () => {
    const before = await prisma.inventory.findUniqueOrThrow({ where: { variantId: shop.largeVariant.id } });
    await expect(
      prisma.inventoryTransaction.create({ data: { variantId: shop.largeVariant.id, delta: -(before.onHand + 1), reason: "SALE" } }),
    ).rejects.toThrow(/Inventory_on_hand_non_negative/);
    const after = await prisma.inventory.findUniqueOrThrow({ where: { variantId: shop.largeVariant.id } });
    expect(after.onHand).toBe(before.onHand);
  });

  it("selling stock that is reserved, or holding stock that is not there", async () => {
    const variant = await prisma.productVariant.create({ data: { productId: shop.product.id, sku: unique("R"), price: 1 } });
    await prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: 3, reason: "RESTOCK" } });
    await prisma.stockReservation.create({ data: { orderId: shop.heldOrder.id, variantId: variant.id, quantity: 2 } });
    expect(await prisma.inventory.findUniqueOrThrow({ where: { variantId: variant.id }, select: { onHand: true, reserved: true } })).toEqual({ onHand: 3, reserved: 2 });
    await expect(
      prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: -2, reason: "SALE" } }),
    ).rejects.toThrow(/Inventory_reserved_within_on_hand/);
    const other = await prisma.productVariant.create({ data: { productId: shop.product.id, sku: unique("R"), price: 1 } });
    await prisma.inventoryTransaction.create({ data: { variantId: other.id, delta: 1, reason: "RESTOCK" } });
    await expect(
      prisma.stockReservation.create({ data: { orderId: shop.heldOrder.id, variantId: other.id, quantity: 2 } }),
    ).rejects.toThrow(/Inventory_reserved_within_on_hand/);
  });

  it("holding stock around the reservations, or moving a reservation backwards", async () => {
    await expect(
      prisma.inventory.update({ where: { variantId: shop.largeVariant.id }, data: { reserved: 0 } }),
    ).rejects.toThrow(/reserved from StockReservation/);
    const variant = await prisma.productVariant.create({ data: { productId: shop.product.id, sku: unique("R"), price: 1 } });
    await prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: 4, reason: "RESTOCK" } });
    const held = await prisma.stockReservation.create({ data: { orderId: shop.heldOrder.id, variantId: variant.id, quantity: 3 } });
    // Converting releases the hold and writes the sale in one step.
    await prisma.stockReservation.update({ where: { id: held.id }, data: { status: "CONVERTED" } });
    expect(await prisma.inventory.findUniqueOrThrow({ where: { variantId: variant.id }, select: { onHand: true, reserved: true } })).toEqual({ onHand: 1, reserved: 0 });
    expect(await prisma.inventoryTransaction.findFirst({ where: { variantId: variant.id, reason: "SALE" }, select: { delta: true, orderId: true } })).toEqual({
      delta: -3,
      orderId: shop.heldOrder.id,
    });
    await expect(prisma.stockReservation.update({ where: { id: held.id }, data: { status: "HELD" } })).rejects.toThrow(/only moves from HELD/);
    await expect(prisma.stockReservation.update({ where: { id: held.id }, data: { status: "RELEASED" } })).rejects.toThrow(/only moves from HELD/);
  });

  it("writing stock around the ledger", async () => {
    await expect(
      prisma.inventory.update({ where: { variantId: shop.largeVariant.id }, data: { onHand: 1_000 } }),
    ).rejects.toThrow(/maintained from the InventoryTransaction ledger/);
    await expect(
      prisma.product.update({ where: { id: shop.product.id }, data: { quantity: 1_000 } }),
    ).rejects.toThrow(/derived from Inventory/);
    await expect(
      prisma.inventory.delete({ where: { variantId: shop.largeVariant.id } }),
    ).rejects.toThrow(/still holds/);
    await expect(
      prisma.productVariant.delete({ where: { id: shop.largeVariant.id } }),
    ).rejects.toThrow(/InventoryTransaction_variantId_fkey|foreign key/i);
  });

  it("a quantity on a product with no SKU to hold it", async () => {
    await expect(
      prisma.product.create({ data: { name: "No SKU", slug: unique("no-sku"), price: 1, quantity: 5, categoryId: shop.category.id } }),
    ).rejects.toThrow(/has a quantity but no SKU/);
  });

  it("rating 6 and rating 0", async () => {
    for (const rating of [6, 0]) {
      await expect(
        prisma.review.create({ data: { userId: shop.admin.id, productId: shop.product.id, rating } }),
      ).rejects.toThrow(/Review_rating_range/);
    }
  });

  it("negative prices and non-positive quantities", async () => {
    await expect(
      prisma.product.create({ data: { name: "Neg", slug: unique("neg"), price: -1, categoryId: shop.category.id } }),
    ).rejects.toThrow(/Product_price_non_negative/);
    await expect(
      prisma.productVariant.update({ where: { id: shop.largeVariant.id }, data: { price: "-0.01" } }),
    ).rejects.toThrow(/ProductVariant_price_non_negative/);
    await expect(
      prisma.cartItem.create({ data: { userId: shop.admin.id, variantId: shop.largeVariant.id, quantity: 0 } }),
    ).rejects.toThrow(/CartItem_quantity_positive/);
  });

  it("order totals that do not add up, and line totals that do not multiply out", async () => {
    await expect(
      prisma.order.update({ where: { id: shop.order.id }, data: { total: "1.00" } }),
    ).rejects.toThrow(/Order_total_adds_up/);
    await expect(
      prisma.orderItem.create({
        data: { orderId: shop.order.id, productName: "x", sku: "x", unitPrice: "2.00", quantity: 2, lineTotal: "5.00", currency: "USD" },
      }),
    ).rejects.toThrow(/OrderItem_line_total_adds_up/);
  });

  it("refunding more than was paid", async () => {
    await expect(
      prisma.payment.update({ where: { id: shop.payment.id }, data: { refundedAmount: "999.00" } }),
    ).rejects.toThrow(/Payment_refund_within_amount/);
  });

  it("a setting whose value does not match its declared type", async () => {
    await expect(
      prisma.setting.create({ data: { key: unique("k"), type: "NUMBER", value: "not a number" } }),
    ).rejects.toThrow(/Setting_value_matches_type/);
  });

  it("a malformed currency code or slug", async () => {
    await expect(
      prisma.product.create({ data: { name: "Cur", slug: unique("cur"), price: 1, currency: "usd", categoryId: shop.category.id } }),
    ).rejects.toThrow(/Product_currency_code/);
    await expect(prisma.category.create({ data: { name: "Bad", slug: "Bad Slug!" } })).rejects.toThrow(/Category_slug_format/);
  });

  it("orphan foreign keys", async () => {
    const error = await prisma.cartItem
      .create({ data: { userId: shop.customer.id, variantId: "does-not-exist", quantity: 1 } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((error as Prisma.PrismaClientKnownRequestError).code).toBe("P2003");
    await expect(
      prisma.inventoryTransaction.create({ data: { variantId: "nope", delta: 1, reason: "RESTOCK" } }),
    ).rejects.toThrow();
  });

  it("a category that is its own parent, and deleting a category that still has products", async () => {
    await expect(
      prisma.category.update({ where: { id: shop.category.id }, data: { parentId: shop.category.id } }),
    ).rejects.toThrow(/Category_not_own_parent|its own ancestor/);
    await expect(prisma.category.delete({ where: { id: shop.category.id } })).rejects.toThrow(/foreign key|Product_categoryId_fkey/i);
  });

  it("a default address that belongs to someone else", async () => {
    await expect(
      prisma.address.create({
        data: { userId: shop.admin.id, defaultForUserId: shop.customer.id, street: "s", city: "c", state: "s", zipCode: "z" },
      }),
    ).rejects.toThrow();
  });
});
