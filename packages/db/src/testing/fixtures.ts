import type { PrismaClient } from "@prisma/client";

// An argon2id hash (of "correct horse battery staple"); fixtures never hash at run time.
export const PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c2hvcC10ZXN0LXNhbHQ$0n8O6Q0l8dH3v7F9pM2qj1cXx2yq0y5uZ6p1Qm2b7Zc";

let counter = 0;
/**
 * A short token unique within the test process, for slugs, SKUs and e-mails. Its length
 * follows the pid, which has 3 digits or fewer in a container or once pids wrap: where a
 * minimum length applies (a checkout's idempotency key: 8), the label must reach it alone.
 */
export const unique = (label: string) => `${label}-${process.pid}-${++counter}`;

/**
 * A small but complete shop: at least one row in every model, and every relation
 * in use, so tests can check that each one is navigable.
 */
export async function buildShop(prisma: PrismaClient) {
  const admin = await prisma.user.create({
    data: { email: `${unique("admin")}@example.test`, name: "Ada Admin", password: PASSWORD_HASH, roles: { create: { role: "ADMIN" } } },
  });
  const customer = await prisma.user.create({
    data: {
      email: `${unique("customer")}@example.test`,
      name: "Cy Customer",
      password: PASSWORD_HASH,
      roles: { create: { role: "CUSTOMER", grantedById: admin.id } },
      address: { create: { street: "1 Main St", city: "Springfield", state: "IL", zipCode: "62701" } },
      accounts: { create: { type: "oauth", provider: "github", providerAccountId: unique("gh") } },
      sessions: { create: { sessionToken: unique("session"), expires: new Date(Date.now() + 86_400_000) } },
    },
    include: { address: true },
  });
  await prisma.address.create({
    data: { userId: customer.id, street: "2 Work Ave", city: "Springfield", state: "IL", zipCode: "62702" },
  });
  await prisma.verificationToken.create({
    data: { identifier: customer.email, token: unique("token"), expires: new Date(Date.now() + 3_600_000) },
  });

  const root = await prisma.category.create({ data: { name: "Clothing", slug: unique("clothing") } });
  const category = await prisma.category.create({
    data: { name: "Shirts", slug: unique("shirts"), parentId: root.id, description: "Shirts of all kinds" },
  });
  const product = await prisma.product.create({
    data: {
      name: "Linen Shirt",
      slug: unique("linen-shirt"),
      description: "A breathable linen shirt",
      price: "49.90",
      sku: unique("SHIRT"),
      images: ["shirt-front.jpg", "shirt-back.jpg"],
      quantity: 20,
      categoryId: category.id,
    },
  });
  const defaultVariant = await prisma.productVariant.findFirstOrThrow({ where: { productId: product.id } });
  const largeVariant = await prisma.productVariant.create({
    data: {
      productId: product.id,
      sku: unique("SHIRT-L"),
      name: "L / Blue",
      options: { size: "L", colour: "blue" },
      price: "52.90",
      inventory: { create: { lowStockThreshold: 3 } },
    },
  });
  await prisma.inventoryTransaction.create({
    data: { variantId: largeVariant.id, delta: 8, reason: "RESTOCK", actorId: admin.id, note: "first delivery" },
  });

  await prisma.cartItem.create({ data: { userId: customer.id, variantId: largeVariant.id, quantity: 2 } });
  // A signed-out visitor's cart (the id is the token its cookie carries).
  await prisma.guestCart.create({
    data: { id: "fixture-guest-cart-token", expiresAt: new Date(Date.now() + 86_400_000), items: { create: { variantId: largeVariant.id, quantity: 1 } } },
  });
  await prisma.wishlistItem.create({ data: { userId: customer.id, productId: product.id, variantId: largeVariant.id } });

  const order = await prisma.order.create({
    data: {
      userId: customer.id,
      email: customer.email,
      subtotal: "105.80",
      shippingTotal: "5.00",
      taxTotal: "0.00",
      total: "110.80",
      idempotencyKey: unique("checkout"),
      shipName: "Cy Customer",
      shipStreet: "1 Main St",
      shipCity: "Springfield",
      shipState: "IL",
      shipZipCode: "62701",
      shipCountry: "US",
      items: {
        create: {
          productId: product.id,
          variantId: largeVariant.id,
          productName: product.name,
          variantName: "L / Blue",
          sku: largeVariant.sku,
          unitPrice: "52.90",
          quantity: 2,
          lineTotal: "105.80",
          currency: "USD",
        },
      },
    },
  });
  await prisma.inventoryTransaction.create({
    data: { variantId: largeVariant.id, delta: -2, reason: "SALE", orderId: order.id },
  });
  const payment = await prisma.payment.create({
    data: {
      orderId: order.id,
      provider: "STRIPE",
      providerRef: unique("pi"),
      status: "SUCCEEDED",
      amount: "110.80",
      currency: "USD",
      idempotencyKey: unique("pay"),
    },
  });
  await prisma.paymentEvent.create({
    data: { provider: "STRIPE", eventId: unique("evt"), type: "payment_intent.succeeded", paymentId: payment.id, payload: { ok: true } },
  });
  const review = await prisma.review.create({
    data: {
      userId: customer.id,
      productId: product.id,
      rating: 5,
      title: "Great shirt",
      body: "Fits well",
      verifiedPurchase: true,
      status: "APPROVED",
      moderatedById: admin.id,
      moderatedAt: new Date(),
    },
  });
  await prisma.analyticsEvent.create({
    data: { type: "ORDER_PLACED", userId: customer.id, productId: product.id, orderId: order.id, value: "110.80" },
  });
  await prisma.analytics.create({ data: { day: new Date("2026-11-01"), orders: 1, revenue: "110.80", itemsSold: 2 } });
  await prisma.setting.create({
    data: { key: unique("store.name"), type: "STRING", value: "Shop", updatedById: admin.id },
  });
  await prisma.notification.create({
    data: { userId: customer.id, type: "ORDER_PLACED", title: "Thanks!", body: `Order #${order.number} placed`, emailStatus: "PENDING" },
  });

  // An unpaid order holding one unit until it is paid or expires, and a partial refund of the paid one.
  const heldOrder = await prisma.order.create({
    data: {
      userId: customer.id,
      email: customer.email,
      subtotal: "52.90",
      total: "52.90",
      expiresAt: new Date(Date.now() + 30 * 60_000),
      idempotencyKey: unique("checkout"),
      shipName: "Cy Customer",
      shipStreet: "1 Main St",
      shipCity: "Springfield",
      shipState: "IL",
      shipZipCode: "62701",
      shipCountry: "US",
      items: {
        create: { productId: product.id, variantId: largeVariant.id, productName: product.name, sku: largeVariant.sku, unitPrice: "52.90", quantity: 1, lineTotal: "52.90", currency: "USD" },
      },
    },
  });
  const reservation = await prisma.stockReservation.create({ data: { orderId: heldOrder.id, variantId: largeVariant.id, quantity: 1 } });
  const refund = await prisma.refund.create({
    data: { paymentId: payment.id, amount: "10.00", currency: "USD", reason: "scuffed on arrival", idempotencyKey: unique("refund"), requestedById: admin.id },
  });

  return { admin, customer, root, category, product, defaultVariant, largeVariant, order, payment, review, heldOrder, reservation, refund };
}
