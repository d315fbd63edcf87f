import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { anonymous, checkoutOne, createProduct, createUser, errorCode, payOrder, unique } from "../test/helpers";

describe("catalog", () => {
  let category: { id: string; slug: string };
  beforeAll(async () => {
    category = await prisma.category.create({ data: { name: "Outdoor", slug: unique("outdoor"), description: "Out" } });
    await prisma.category.create({ data: { name: "Tents", slug: unique("tents"), parentId: category.id } });
    const products = [
      { name: "Alpine Tent", description: "A light tent for mountain trips", price: "199.00" },
      { name: "Camp Stove", description: "Cooks fast on any trip", price: "49.50" },
      { name: "Sleeping Bag", description: "Warm down bag for winter camping", price: "120.00" },
      { name: "Draft Lantern", description: "Not for sale yet", price: "15.00", status: "DRAFT" as const },
    ];
    for (const [i, p] of products.entries()) {
      await prisma.product.create({
        data: { ...p, slug: unique(`p${i}`), categoryId: category.id, sku: unique("CAT"), quantity: 3 },
      });
    }
  });

  it("lists active categories with their product counts, and finds one by slug with its children", async () => {
    const list = await anonymous().category.list();
    expect(list.find((c) => c.id === category.id)?.productCount).toBe(3);
    const found = await anonymous().category.bySlug({ slug: category.slug });
    expect(found.children.map((c) => c.name)).toEqual(["Tents"]);
    expect(await errorCode(anonymous().category.bySlug({ slug: "no-such-category" }))).toBe("NOT_FOUND");
  });

  it("filters by category and price, sorts, and pages with a cursor", async () => {
    const caller = anonymous();
    const cheapFirst = await caller.product.list({ categorySlug: category.slug, sort: "price_asc" });
    expect(cheapFirst.items.map((p) => p.name)).toEqual(["Camp Stove", "Sleeping Bag", "Alpine Tent"]);
    const ranged = await caller.product.list({ categorySlug: category.slug, minPrice: "50", maxPrice: "150" });
    expect(ranged.items.map((p) => p.name)).toEqual(["Sleeping Bag"]);

    const page1 = await caller.product.list({ categorySlug: category.slug, sort: "name", limit: 2 });
    expect(page1.items.map((p) => p.name)).toEqual(["Alpine Tent", "Camp Stove"]);
    const page2 = await caller.product.list({ categorySlug: category.slug, sort: "name", limit: 2, cursor: page1.nextCursor ?? undefined });
    expect(page2.items.map((p) => p.name)).toEqual(["Sleeping Bag"]);
    expect(page2.nextCursor).toBeNull();
    expect(await errorCode(caller.product.list({ minPrice: "10", maxPrice: "5" }))).toBe("BAD_REQUEST");
  });

  it("searches with PostgreSQL full-text search, stemming included, ranked and paged", async () => {
    const caller = anonymous();
    const trips = await caller.product.list({ q: "trips", categorySlug: category.slug, sort: "relevance" });
    expect(trips.items.map((p) => p.name).sort()).toEqual(["Alpine Tent", "Camp Stove"]);
    const camping = await caller.product.list({ q: "camp", categorySlug: category.slug, sort: "relevance", limit: 1 });
    expect(camping.items).toHaveLength(1);
    expect(camping.nextCursor).toBe("1");
    const draft = await caller.product.list({ q: "lantern" });
    expect(draft.items.find((p) => p.name === "Draft Lantern")).toBeUndefined();
    // The plans of the statements search sends (GIN index, bounded ranking): product/list.test.ts.
  });

  it("shows a product with variants, availability and its rating, and hides drafts", async () => {
    const { product, variants } = await createProduct({ stock: 4, variants: 2 });
    // Another customer's unpaid order holds all of the second variant.
    await checkoutOne((await createUser()).caller, variants[1]!.id, 4);
    const customer = await createUser();
    const found = await anonymous().product.bySlug({ slug: product.slug });
    expect(found.variants.map((v) => [v.available, v.inStock])).toEqual([[4, true], [0, false]]);
    expect(found.inStock).toBe(true);
    expect(found.rating).toEqual({ average: null, count: 0 });

    await payOrder(customer.caller, (await checkoutOne(customer.caller, variants[0]!.id)).id);
    const review = await customer.caller.review.create({ productId: product.id, rating: 4, title: "Good" });
    expect(review).toMatchObject({ verifiedPurchase: true, status: "PENDING" });
    expect(await errorCode(customer.caller.review.create({ productId: product.id, rating: 5 }))).toBe("CONFLICT");
    expect(await errorCode(customer.caller.review.create({ productId: product.id, rating: 6 }))).toBe("BAD_REQUEST");
    expect((await anonymous().review.list({ productId: product.id })).items).toEqual([]);

    const admin = await createUser(["ADMIN"]);
    expect((await admin.caller.admin.review.list({})).items.map((r) => r.id)).toContain(review.id);
    await admin.caller.admin.review.moderate({ id: review.id, status: "APPROVED" });
    const shown = await anonymous().review.list({ productId: product.id });
    expect(shown.items.map((r) => r.id)).toEqual([review.id]);
    // The public sees who wrote it by name, never the account's id (which a forged session would need).
    expect(shown.items[0]?.user).toEqual({ name: "Test User" });
    expect(JSON.stringify(shown)).not.toContain(customer.id);
    expect(JSON.stringify(review)).not.toContain(customer.id);
    expect((await anonymous().product.bySlug({ slug: product.slug })).rating).toEqual({ average: 4, count: 1 });
    expect((await customer.caller.notification.list({})).items.map((n) => n.type)).toContain("REVIEW_MODERATED");

    await admin.caller.admin.product.update({ id: product.id, status: "DRAFT" });
    expect(await errorCode(anonymous().product.bySlug({ slug: product.slug }))).toBe("NOT_FOUND");
    expect(await errorCode(customer.caller.review.create({ productId: product.id, rating: 3 }))).toBe("NOT_FOUND");
  });
});
