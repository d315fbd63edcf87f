import { describe, expect, it } from "vitest";
import { createCaller, createInnerContext } from "@shop/api";
import { verifyCredentials } from "@shop/auth/sign-in";
import { Prisma, prisma } from "@shop/db";
import { colours, nameCapacity, productName, productSpec, slugify } from "./catalog";
import { artColours } from "../../packages/web/src/product-art";
import { HISTORY_DAYS } from "./history";
import { ADMIN, customerAccount, SEED, seed } from "./run";

type Counter = { count(): Promise<number> };
const delegate = (model: string) =>
  (prisma as unknown as Record<string, Counter>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

// Auth.js fills the first three when people sign in with OAuth or e-mail links; the seed's
// accounts use credentials with JWT sessions, which store nothing there. Guest carts
// belong to a signed-out browser's cookie: a seeded one would be nobody's, and a re-run
// could only add another.
const filledByVisitors = new Set(["Account", "Session", "VerificationToken", "GuestCart"]);
const models = Prisma.dmmf.datamodel.models.map((model) => model.name);

async function countAll() {
  return Object.fromEntries(await Promise.all(models.map(async (model) => [model, await delegate(model).count()] as const)));
}

describe("seed", () => {
  it("fills every model through the API, and a second run changes nothing", async () => {
    await seed({ db: prisma, products: 60, customers: 8 });
    const first = await countAll();
    for (const model of models.filter((m) => !filledByVisitors.has(m))) expect(first[model], model).toBeGreaterThan(0);
    expect(first.Product).toBe(60);

    await seed({ db: prisma, products: 60, customers: 8 });
    expect(await countAll()).toEqual(first);
    const statuses = await prisma.order.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["CANCELLED", "DELIVERED", "FULFILLING", "PAID", "PENDING", "REFUNDED", "SHIPPED"]);
    expect(await prisma.review.count({ where: { status: "PENDING" } })).toBeGreaterThan(0);
    expect(await prisma.review.count({ where: { status: "APPROVED" } })).toBeGreaterThan(0);
  });

  it("lets a seeded customer sign in and see their orders", async () => {
    const account = customerAccount(1);
    const user = await verifyCredentials(prisma, account.email, account.password);
    expect(user).not.toBeNull();
    const caller = createCaller(createInnerContext({ session: { user: user! } }));
    const orders = await caller.order.list({});
    expect(orders.items.length).toBeGreaterThan(0);
    expect(orders.items.every((order) => order.email === account.email)).toBe(true);
  });

  it("leaves stock equal to the ledger's sum for every variant", async () => {
    const mismatches = await prisma.$queryRaw<{ sku: string }[]>`
      SELECT v.sku FROM "ProductVariant" v
        LEFT JOIN "Inventory" i ON i."variantId" = v.id
        LEFT JOIN (SELECT "variantId", sum(delta) AS total FROM "InventoryTransaction" GROUP BY 1) l ON l."variantId" = v.id
       WHERE COALESCE(i."onHand", 0) <> COALESCE(l.total, 0)`;
    expect(mismatches).toEqual([]);
    const products = await prisma.$queryRaw<{ slug: string }[]>`
      SELECT p.slug FROM "Product" p
       WHERE p.quantity <> (SELECT COALESCE(sum(i."onHand"), 0) FROM "Inventory" i JOIN "ProductVariant" v ON v.id = i."variantId" WHERE v."productId" = p.id)`;
    expect(products).toEqual([]);
  });

  it("stores each product as its spec describes, with the spec's opening stock in the ledger", async () => {
    const stored = await prisma.product.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        name: true, slug: true, description: true, price: true, images: true, status: true, category: { select: { slug: true } },
        variants: {
          orderBy: { position: "asc" },
          select: { sku: true, name: true, options: true, price: true, position: true, isActive: true, stockMovements: { where: { reason: "INITIAL" }, select: { delta: true } } },
        },
      },
    });
    expect(stored).toHaveLength(60);
    // Created in catalog order: the newest-first list shows the last product first.
    stored.forEach((product, index) => {
      const { categorySlug, variants, ...spec } = productSpec(index, SEED);
      expect({ ...product, price: product.price.toFixed(2), category: product.category.slug, variants: undefined }).toEqual({ ...spec, status: "ACTIVE", category: categorySlug, variants: undefined });
      expect(product.variants.map(({ price, stockMovements, ...variant }) => ({ ...variant, price: price.toFixed(2), stock: stockMovements.reduce((sum, m) => sum + m.delta, 0) }))).toEqual(variants);
    });
  });
});

describe("seeded catalog", () => {
  it("names every product differently, without digits, at the bench's 100k (and has names for the largest --size)", () => {
    expect(nameCapacity).toBeGreaterThanOrEqual(1_000_000);
    const names = new Set<string>();
    const slugs = new Set<string>();
    for (let index = 0; index < 100_000; index++) {
      const { name } = productName(index);
      names.add(name);
      slugs.add(slugify(name));
    }
    expect(names.size).toBe(100_000);
    expect(slugs.size).toBe(100_000);
    expect([...names].filter((name) => /\d/.test(name))).toEqual([]);
  });

  it("gives each product readable copy, distinct variants and two or three pictures in its own colours", () => {
    for (let index = 0; index < 600; index++) {
      const spec = productSpec(index, SEED);
      expect(spec.slug).toBe(slugify(spec.name));
      expect(spec.description).toContain(spec.name);
      expect(spec.description.split(". ").length, spec.description).toBeGreaterThanOrEqual(3);
      expect(spec.description).not.toMatch(/\d|\ba [aeiou]/i);
      expect(new Set(spec.variants.map((v) => v.name)).size).toBe(spec.variants.length);
      expect(spec.images.length).toBeGreaterThanOrEqual(2);
      expect(spec.images.length).toBeLessThanOrEqual(3);
      const variantColours = new Set(spec.variants.map((v) => v.options.colour));
      for (const image of spec.images) {
        const colour = image.match(new RegExp(`^/images/products/${spec.slug}-([a-z]+)-[123]\\.svg$`))?.[1];
        expect(variantColours.has(colour), image).toBe(true);
      }
    }
    // Every colour option has a drawn colour.
    expect(colours.filter((colour) => !(colour in artColours))).toEqual([]);
  });
});

describe("seeded history", () => {
  const day = 86_400_000;
  const admin = async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true, email: true } });
    return createCaller(createInnerContext({ session: { user: { ...user, roles: ["ADMIN", "STAFF"] } } }));
  };

  it("places orders on at least 60 of the last 90 days, none in the future, each step after the one before", async () => {
    const now = new Date();
    const orders = await prisma.order.findMany({
      select: { placedAt: true, paidAt: true, shippedAt: true, deliveredAt: true, cancelledAt: true, status: true, payments: { select: { createdAt: true } } },
    });
    expect(orders.length).toBeGreaterThanOrEqual(90);
    const days = new Set(orders.map((order) => order.placedAt.toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(60);
    for (const order of orders) {
      expect(order.placedAt.getTime()).toBeGreaterThan(now.getTime() - HISTORY_DAYS * day);
      const steps = [order.placedAt, ...order.payments.map((p) => p.createdAt), order.paidAt, order.shippedAt, order.deliveredAt, order.cancelledAt].filter((d) => d !== null);
      for (const at of steps) expect(at.getTime(), order.status).toBeGreaterThanOrEqual(order.placedAt.getTime());
      for (const at of steps) expect(at.getTime(), order.status).toBeLessThanOrEqual(now.getTime());
      if (order.shippedAt) expect(order.shippedAt.getTime()).toBeGreaterThan(order.paidAt!.getTime());
      if (order.deliveredAt) expect(order.deliveredAt.getTime()).toBeGreaterThan(order.shippedAt!.getTime());
    }
    // Recent days are busier than the first weeks.
    const recent = orders.filter((o) => o.placedAt.getTime() > now.getTime() - 30 * day).length;
    const oldest = orders.filter((o) => o.placedAt.getTime() < now.getTime() - 60 * day).length;
    expect(recent).toBeGreaterThan(oldest);
  });

  it("dates each order's ledger sale, analytics event and notices with the order's own steps", async () => {
    const mismatched = await prisma.$queryRaw<{ number: number }[]>`
      SELECT o.number FROM "Order" o
       WHERE EXISTS (SELECT 1 FROM "InventoryTransaction" t WHERE t."orderId" = o.id AND t.reason = 'SALE' AND t."createdAt" <> o."paidAt")
          OR EXISTS (SELECT 1 FROM "AnalyticsEvent" e WHERE e."orderId" = o.id AND e.type = 'ORDER_PLACED' AND e."occurredAt" <> o."placedAt")
          OR EXISTS (SELECT 1 FROM "Notification" n WHERE n.data->>'orderId' = o.id AND n."createdAt" < o."placedAt")`;
    expect(mismatched).toEqual([]);
    expect(await prisma.inventoryTransaction.count({ where: { reason: "SALE", createdAt: { lt: new Date(Date.now() - 30 * day) } } })).toBeGreaterThan(0);
  });

  it("shows a history on the dashboard: most days of 90 have revenue, and the daily aggregates agree with the orders", async () => {
    const caller = await admin();
    const today = new Date(new Date().toISOString().slice(0, 10));
    const range = { from: new Date(today.getTime() - HISTORY_DAYS * day), to: new Date() };
    const summary = await caller.admin.analytics.summary(range);
    const activeDays = summary.daily.filter((row) => row.orders > 0);
    expect(activeDays.length).toBeGreaterThanOrEqual(50);
    expect(summary.orders).toBe(activeDays.reduce((sum, row) => sum + row.orders, 0));

    const aggregates = await caller.admin.analytics.daily({ from: range.from, to: today });
    expect(aggregates.reduce((sum, row) => sum + row.orders, 0)).toBe(summary.orders);
    const revenue = (rows: { revenue: Prisma.Decimal }[]) => rows.reduce((sum, row) => sum.add(row.revenue), new Prisma.Decimal(0)).toFixed(2);
    expect(revenue(aggregates)).toBe(revenue(summary.currencies));
    expect(aggregates.filter((row) => row.visitors > 0).length).toBeGreaterThanOrEqual(HISTORY_DAYS);
  });
});
