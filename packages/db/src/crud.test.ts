import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./index";
import { buildShop, PASSWORD_HASH, unique } from "./testing/fixtures";

let shop: Awaited<ReturnType<typeof buildShop>>;

beforeAll(async () => {
  shop = await buildShop(prisma);
});

describe("create, read, update, delete", () => {
  it("User with nested roles, default address, accounts and sessions", async () => {
    const user = await prisma.user.create({
      data: {
        email: `${unique("crud")}@example.test`,
        password: PASSWORD_HASH,
        roles: { create: [{ role: "CUSTOMER" }, { role: "STAFF" }] },
        address: { create: { street: "9 Elm", city: "Dover", state: "DE", zipCode: "19901" } },
        accounts: { create: { type: "oauth", provider: "google", providerAccountId: unique("g") } },
        sessions: { create: { sessionToken: unique("s"), expires: new Date(Date.now() + 60_000) } },
      },
      include: { roles: true, address: true, addresses: true, accounts: true, sessions: true },
    });
    expect(user.roles.map((r) => r.role).sort()).toEqual(["CUSTOMER", "STAFF"]);
    expect(user.address?.userId).toBe(user.id);
    expect(user.addresses).toHaveLength(1);

    const renamed = await prisma.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    expect(renamed.name).toBe("Renamed");
    await prisma.user.delete({ where: { id: user.id } });
    expect(await prisma.user.findUnique({ where: { id: user.id } })).toBeNull();
    // Cascades: the user's roles, addresses, accounts and sessions go with it.
    expect(await prisma.userRole.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("UserRole, Address, Account, Session, VerificationToken", async () => {
    const role = await prisma.userRole.create({ data: { userId: shop.customer.id, role: "STAFF", grantedById: shop.admin.id } });
    expect(await prisma.userRole.findUnique({ where: { userId_role: { userId: role.userId, role: "STAFF" } } })).not.toBeNull();
    await prisma.userRole.delete({ where: { userId_role: { userId: role.userId, role: "STAFF" } } });

    const address = await prisma.address.create({
      data: { userId: shop.customer.id, street: "3 Side St", city: "Salem", state: "OR", zipCode: "97301" },
    });
    const moved = await prisma.address.update({ where: { id: address.id }, data: { city: "Portland" } });
    expect(moved.city).toBe("Portland");
    await prisma.address.delete({ where: { id: address.id } });

    const account = await prisma.account.create({
      data: { userId: shop.customer.id, type: "oauth", provider: "gitlab", providerAccountId: unique("gl") },
    });
    const key = { provider_providerAccountId: { provider: "gitlab", providerAccountId: account.providerAccountId } };
    await prisma.account.update({ where: key, data: { scope: "read" } });
    expect((await prisma.account.findUnique({ where: key }))?.scope).toBe("read");
    await prisma.account.delete({ where: key });

    const session = await prisma.session.create({
      data: { userId: shop.customer.id, sessionToken: unique("s"), expires: new Date(Date.now() + 1000) },
    });
    const later = new Date(Date.now() + 60_000);
    await prisma.session.update({ where: { sessionToken: session.sessionToken }, data: { expires: later } });
    expect((await prisma.session.findUnique({ where: { sessionToken: session.sessionToken } }))?.expires).toEqual(later);
    await prisma.session.delete({ where: { sessionToken: session.sessionToken } });

    const token = await prisma.verificationToken.create({
      data: { identifier: "someone@example.test", token: unique("t"), expires: new Date() },
    });
    const tokenKey = { identifier_token: { identifier: token.identifier, token: token.token } };
    await prisma.verificationToken.update({ where: tokenKey, data: { expires: later } });
    await prisma.verificationToken.delete({ where: tokenKey });
    expect(await prisma.verificationToken.findUnique({ where: tokenKey })).toBeNull();
  });

  it("Category tree with nested children", async () => {
    const parent = await prisma.category.create({
      data: { name: "Home", slug: unique("home"), children: { create: [{ name: "Kitchen", slug: unique("kitchen") }] } },
      include: { children: true },
    });
    expect(parent.children).toHaveLength(1);
    const child = parent.children[0]!;
    expect((await prisma.category.findUnique({ where: { id: child.id }, include: { parent: true } }))?.parent?.id).toBe(parent.id);
    await prisma.category.update({ where: { id: child.id }, data: { position: 3 } });
    await prisma.category.delete({ where: { id: child.id } });
    await prisma.category.delete({ where: { id: parent.id } });
    expect(await prisma.category.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(0);
  });

  it("Product with nested variants, inventory and Decimal prices", async () => {
    const product = await prisma.product.create({
      data: {
        name: "Mug",
        slug: unique("mug"),
        price: "12.50",
        categoryId: shop.category.id,
        variants: {
          create: [
            { sku: unique("MUG-W"), price: "12.50", options: { colour: "white" }, inventory: { create: {} } },
            { sku: unique("MUG-B"), price: "13.00", options: { colour: "black" } },
          ],
        },
      },
      include: { variants: { include: { inventory: true }, orderBy: { price: "asc" } } },
    });
    expect(product.price.toFixed(2)).toBe("12.50");
    expect(product.variants.map((v) => v.price.toFixed(2))).toEqual(["12.50", "13.00"]);
    expect(product.variants[0]?.inventory?.onHand).toBe(0);

    const updated = await prisma.product.update({ where: { id: product.id }, data: { price: "11.99", status: "ARCHIVED" } });
    expect(updated.price.toString()).toBe("11.99");
    const variant = product.variants[1]!;
    await prisma.productVariant.update({ where: { id: variant.id }, data: { price: "14.25" } });
    expect((await prisma.productVariant.findUnique({ where: { id: variant.id } }))?.price.toFixed(2)).toBe("14.25");
    await prisma.productVariant.delete({ where: { id: variant.id } });

    // No stock history, so the product and what hangs off it can go.
    await prisma.product.delete({ where: { id: product.id } });
    expect(await prisma.productVariant.count({ where: { productId: product.id } })).toBe(0);
  });

  it("CartItem and WishlistItem", async () => {
    const cart = await prisma.cartItem.create({ data: { userId: shop.admin.id, variantId: shop.largeVariant.id, quantity: 1 } });
    await prisma.cartItem.update({ where: { id: cart.id }, data: { quantity: { increment: 2 } } });
    expect((await prisma.cartItem.findUnique({ where: { id: cart.id } }))?.quantity).toBe(3);
    await prisma.cartItem.delete({ where: { id: cart.id } });

    const wish = await prisma.wishlistItem.create({ data: { userId: shop.admin.id, productId: shop.product.id } });
    await prisma.wishlistItem.update({ where: { id: wish.id }, data: { variantId: shop.defaultVariant.id } });
    expect((await prisma.wishlistItem.findUnique({ where: { id: wish.id } }))?.variantId).toBe(shop.defaultVariant.id);
    await prisma.wishlistItem.delete({ where: { id: wish.id } });
  });

  it("Order with nested items and payments, numbered from its own sequence", async () => {
    const base = {
      email: shop.customer.email,
      subtotal: "10.00",
      total: "10.00",
      shipName: "C",
      shipStreet: "S",
      shipCity: "C",
      shipState: "S",
      shipZipCode: "Z",
      shipCountry: "US",
    };
    const order = await prisma.order.create({
      data: {
        ...base,
        userId: shop.customer.id,
        items: {
          create: { productName: "Thing", sku: "T-1", unitPrice: "5.00", quantity: 2, lineTotal: "10.00", currency: "USD" },
        },
        payments: {
          create: { provider: "MANUAL", amount: "10.00", currency: "USD", idempotencyKey: unique("pay") },
        },
      },
      include: { items: true, payments: true },
    });
    expect(order.number).toBeGreaterThan(1000);
    expect(order.items).toHaveLength(1);
    const next = await prisma.order.create({ data: base });
    expect(next.number).toBeGreaterThan(order.number);

    // PAID only once a succeeded payment covers the total (a trigger checks).
    const payment = order.payments[0]!;
    await expect(prisma.order.update({ where: { id: order.id }, data: { status: "PAID" } })).rejects.toThrow(/without a succeeded payment/);
    await prisma.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED" } });
    await prisma.order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date() } });
    await prisma.orderItem.update({ where: { id: order.items[0]!.id }, data: { variantName: "Blue" } });

    // Payments are kept with their order: the order cannot go while one exists.
    await expect(prisma.order.delete({ where: { id: order.id } })).rejects.toThrow(/Payment_orderId_fkey|foreign key/i);
    await prisma.payment.delete({ where: { id: payment.id } });
    await prisma.order.delete({ where: { id: order.id } });
    expect(await prisma.orderItem.count({ where: { orderId: order.id } })).toBe(0);
    await prisma.order.delete({ where: { id: next.id } });
  });

  it("PaymentEvent, Review, AnalyticsEvent, Analytics, Setting, Notification", async () => {
    const event = await prisma.paymentEvent.create({
      data: { provider: "STRIPE", eventId: unique("evt"), type: "charge.refunded", payload: { amount: 100 } },
    });
    await prisma.paymentEvent.update({ where: { id: event.id }, data: { paymentId: shop.payment.id } });
    await prisma.paymentEvent.delete({ where: { id: event.id } });

    const review = await prisma.review.create({ data: { userId: shop.admin.id, productId: shop.product.id, rating: 4 } });
    expect(review.status).toBe("PENDING");
    await prisma.review.update({ where: { id: review.id }, data: { status: "REJECTED", moderatedById: shop.admin.id } });
    await prisma.review.delete({ where: { id: review.id } });

    const analyticsEvent = await prisma.analyticsEvent.create({ data: { type: "SEARCH", metadata: { q: "shirt" } } });
    await prisma.analyticsEvent.update({ where: { id: analyticsEvent.id }, data: { sessionId: "s-1" } });
    await prisma.analyticsEvent.delete({ where: { id: analyticsEvent.id } });

    const day = await prisma.analytics.create({ data: { day: new Date("2026-10-01"), revenue: "0" } });
    const dayKey = { day_currency: { day: day.day, currency: "USD" } };
    await prisma.analytics.update({ where: dayKey, data: { orders: { increment: 1 }, revenue: { increment: "19.99" } } });
    expect((await prisma.analytics.findUnique({ where: dayKey }))?.revenue.toFixed(2)).toBe("19.99");
    await prisma.analytics.delete({ where: dayKey });

    const setting = await prisma.setting.create({ data: { key: unique("tax.rate"), type: "NUMBER", value: 0.2 } });
    await prisma.setting.update({ where: { key: setting.key }, data: { value: 0.25 } });
    expect((await prisma.setting.findUnique({ where: { key: setting.key } }))?.value).toBe(0.25);
    await prisma.setting.delete({ where: { key: setting.key } });

    const note = await prisma.notification.create({
      data: { userId: shop.customer.id, type: "SYSTEM", title: "Hi", body: "Welcome" },
    });
    await prisma.notification.update({ where: { id: note.id }, data: { read: true, readAt: new Date() } });
    expect((await prisma.notification.findUnique({ where: { id: note.id } }))?.read).toBe(true);
    await prisma.notification.delete({ where: { id: note.id } });
  });

  it("Inventory and its append-only ledger", async () => {
    const variant = await prisma.productVariant.create({
      data: { productId: shop.product.id, sku: unique("SHIRT-S"), price: "49.90" },
    });
    const movement = await prisma.inventoryTransaction.create({
      data: { variantId: variant.id, delta: 5, reason: "RESTOCK", actorId: shop.admin.id },
    });
    const inventory = await prisma.inventory.findUniqueOrThrow({ where: { variantId: variant.id } });
    expect(inventory.onHand).toBe(5);
    await prisma.inventory.update({ where: { variantId: variant.id }, data: { lowStockThreshold: 1 } });
    expect(await prisma.inventoryTransaction.findUnique({ where: { id: movement.id } })).not.toBeNull();
    await expect(prisma.inventoryTransaction.update({ where: { id: movement.id }, data: { delta: 50 } })).rejects.toThrow(/append-only/);
    await expect(prisma.inventoryTransaction.delete({ where: { id: movement.id } })).rejects.toThrow(/append-only/);

    // Stock leaves through the ledger; then the empty inventory row may go.
    await prisma.inventoryTransaction.create({ data: { variantId: variant.id, delta: -5, reason: "DAMAGE" } });
    await prisma.inventory.delete({ where: { variantId: variant.id } });
    expect(await prisma.inventory.findUnique({ where: { variantId: variant.id } })).toBeNull();
  });
});
