import { describe, expect, it } from "vitest";
import { createCaller, createInnerContext } from "@shop/api";
import { verifyCredentials } from "@shop/auth/sign-in";
import { Prisma, prisma } from "@shop/db";
import { productSpec } from "./catalog";
import { customerAccount, SEED, seed } from "./run";

type Counter = { count(): Promise<number> };
const delegate = (model: string) =>
  (prisma as unknown as Record<string, Counter>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

// Auth.js fills these when people sign in with OAuth or e-mail links; the seed's
// accounts use credentials with JWT sessions, which store nothing there.
const filledBySignIn = new Set(["Account", "Session", "VerificationToken"]);
const models = Prisma.dmmf.datamodel.models.map((model) => model.name);

async function countAll() {
  return Object.fromEntries(await Promise.all(models.map(async (model) => [model, await delegate(model).count()] as const)));
}

describe("seed", () => {
  it("fills every model through the API, and a second run changes nothing", async () => {
    await seed({ db: prisma, products: 60, customers: 6 });
    const first = await countAll();
    for (const model of models.filter((m) => !filledBySignIn.has(m))) expect(first[model], model).toBeGreaterThan(0);
    expect(first.Product).toBe(60);

    await seed({ db: prisma, products: 60, customers: 6 });
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
