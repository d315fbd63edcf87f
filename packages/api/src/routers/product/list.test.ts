import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma, Prisma, type PrismaClient } from "@shop/db";
import { createInnerContext } from "../../context";
import { productCardSelect } from "../../lib/selects";
import { anonymous, createUser, unique } from "../../test/helpers";
import { listProducts, MAX_SEARCH_MATCHES } from "./list.handler";
import type { ProductListInput } from "./list.schema";

// Enough rows that the planner prefers indexes over reading the table, as it does at 100k.
const PRODUCTS = 4_000;
const LIMIT = 20;
type Sort = "newest" | "price_asc" | "price_desc" | "name";
const sortKeys: Record<Sort, Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  price_asc: [{ minPrice: "asc" }, { id: "asc" }],
  price_desc: [{ minPrice: "desc" }, { id: "desc" }],
  name: [{ name: "asc" }, { id: "asc" }],
};

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Actual Rows"?: number;
  "Rows Removed by Filter"?: number;
  "Sort Key"?: string[];
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * Runs the handler on a client that records every raw statement it sends, then has
 * PostgreSQL run each list statement under EXPLAIN ANALYZE: the plans of the SQL the
 * code really issues, with its parameters. Returns the Product scans of those plans.
 */
async function productScans(input: Partial<ProductListInput>) {
  const sent: Prisma.Sql[] = [];
  const db = prisma.$extends({
    query: {
      async $queryRaw({ args, query }) {
        sent.push(args);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const page = await listProducts(createInnerContext({ session: null, db }), { sort: "newest", limit: LIMIT, ...input });
  const lists = sent.filter((sql) => sql.text.includes(`FROM "Product" p`));
  expect(lists).toHaveLength(1); // one round trip for the page, its categories included
  const [row] = await prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${lists[0]!.text}`,
    ...lists[0]!.values,
  );
  const plan = nodes(row!["QUERY PLAN"][0].Plan);
  const scans = plan.filter((node) => node["Relation Name"] === "Product");
  return { page, scans, plan, sql: lists[0]!.text };
}

describe("product.list at a few thousand products", () => {
  let parent: { id: string; slug: string };
  let child: { id: string; slug: string };
  const categoryIds: string[] = [];

  beforeAll(async () => {
    parent = await prisma.category.create({ data: { name: "Parent", slug: unique("parent") } });
    child = await prisma.category.create({ data: { name: "Child", slug: unique("child"), parentId: parent.id } });
    const grandchild = await prisma.category.create({ data: { name: "Grandchild", slug: unique("grandchild"), parentId: child.id } });
    const hidden = await prisma.category.create({ data: { name: "Hidden", slug: unique("hidden"), parentId: child.id, isActive: false } });
    categoryIds.push(parent.id, child.id, grandchild.id, hidden.id);
    for (let i = 0; i < 16; i++) {
      categoryIds.push((await prisma.category.create({ data: { name: `Other ${i}`, slug: unique(`other${i}`) } })).id);
    }
    const start = Date.parse("2026-01-01T00:00:00Z");
    // Ties on every sort column (same second, price and name for several rows) so that
    // only the id keeps the order total; one in ten is a draft the list never shows.
    const created = await prisma.product.createManyAndReturn({
      select: { id: true },
      data: Array.from({ length: PRODUCTS }, (_, i) => ({
        name: `Item ${String(i % 700).padStart(3, "0")}`,
        slug: unique(`item${i}`),
        sku: unique("KEY"),
        price: `${(i * 37) % 500}.${String(i % 4) + "0"}`,
        categoryId: categoryIds[i % categoryIds.length]!,
        createdAt: new Date(start + Math.floor(i / 3) * 1_000),
        status: i % 10 === 9 ? ("DRAFT" as const) : ("ACTIVE" as const),
      })),
    });
    // One in seven also sells a cheaper variant: its list price (minPrice) is not its base price.
    await prisma.productVariant.createMany({
      data: created.flatMap(({ id }, i) => (i % 7 === 0 ? [{ productId: id, sku: unique("CHEAP"), price: `${(i * 13) % 200}.50` }] : [])),
    });
    await prisma.$executeRawUnsafe(`ANALYZE "Product"`);
  }, 120_000);

  it("filters a category and its active descendants by categoryId through an index", async () => {
    const { page, scans } = await productScans({ categorySlug: parent.slug });
    expect(page.items.length).toBe(LIMIT);
    expect(new Set(page.items.map((item) => item.category.id))).toSatisfy((ids: Set<string>) =>
      [...ids].every((id) => categoryIds.slice(0, 3).includes(id)),
    );
    expect(scans.map((scan) => scan["Node Type"])).not.toContain("Seq Scan");
    expect(scans.some((scan) => /Index/.test(scan["Node Type"]))).toBe(true);

    const all = await anonymous().product.list({ categorySlug: child.slug, limit: 100 });
    expect(new Set(all.items.map((item) => item.category.slug)).size).toBe(2); // child and grandchild, not the hidden one
    expect((await anonymous().product.list({ categorySlug: "no-such-category" })).items).toEqual([]);
    // An inactive category is no filter the storefront offers (category.bySlug hides it too).
    const hidden = await prisma.category.findUniqueOrThrow({ where: { id: categoryIds[3]! } });
    expect((await anonymous().product.list({ categorySlug: hidden.slug })).items).toEqual([]);
  });

  it.each(Object.keys(sortKeys) as Sort[])("reads a deep %s page from the index, nothing scanned and discarded", async (sort) => {
    // The cursor of page 150 or so: the last id before it in the list's own order.
    const ordered = await prisma.product.findMany({ where: { status: "ACTIVE" }, orderBy: sortKeys[sort], select: { id: true } });
    const cursor = ordered.at(-LIMIT * 3)!.id;
    const { page, scans } = await productScans({ sort, cursor });
    const ids = ordered.slice(-LIMIT * 3 + 1, -LIMIT * 2 + 1).map((row) => row.id);
    // The same cards, field for field (Decimal prices included), as Prisma's own select gives.
    const expected = await prisma.product.findMany({ where: { id: { in: ids } }, select: productCardSelect });
    expect(page.items).toEqual(ids.map((id) => expected.find((card) => card.id === id)));
    expect(page.items[0]?.price).toBeInstanceOf(Prisma.Decimal);

    const list = scans.find((scan) => scan["Index Cond"]?.includes("ROW("));
    expect(list, JSON.stringify(scans)).toBeDefined();
    expect(list!["Actual Rows"]).toBeLessThanOrEqual(LIMIT + 1);
    expect(list!["Rows Removed by Filter"] ?? 0).toBe(0);
  });

  it("pages search results by rank with an offset cursor; a cursor out of range is page 1 or empty, never an error", async () => {
    const first = await anonymous().product.list({ q: "item", sort: "relevance", limit: 5 });
    expect(first.nextCursor).toBe("5");
    expect((await anonymous().product.list({ q: "item", sort: "relevance", limit: 5, cursor: "-3" })).items).toEqual(first.items);
    expect((await anonymous().product.list({ q: "item", sort: "relevance", limit: 5, cursor: "1e400" })).items).toEqual([]);
    const second = await anonymous().product.list({ q: "item", sort: "relevance", limit: 5, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
  });

  it("ranks a bounded set of search matches in the page's one statement, with no id list", async () => {
    // Every active product matches "item": the ranking sees only the newest few.
    const broad = await productScans({ q: "item", sort: "relevance" });
    expect(broad.page.items).toHaveLength(LIMIT);
    expect(broad.sql).not.toMatch(/unnest|ANY\(/);
    const ranking = broad.plan.find((node) => node["Sort Key"]?.some((key) => key.includes("ts_rank")));
    expect(ranking, JSON.stringify(broad.plan)).toBeDefined();
    expect(nodes(ranking!).find((node) => node["Node Type"] === "Limit")!["Actual Rows"]).toBe(MAX_SEARCH_MATCHES);
    expect(broad.scans.map((scan) => scan["Node Type"])).not.toContain("Seq Scan");

    // A rare word ("042" is in six names) is found through the GIN index.
    const rare = await productScans({ q: "042", sort: "relevance" });
    expect(rare.page.items.map((item) => item.name)).toEqual(Array(rare.page.items.length).fill("Item 042"));
    expect(rare.plan.map((node) => node["Index Name"])).toContain("Product_searchVector_idx");
    // Another sort of the same search is the keyset list with the match as one more condition.
    const byPrice = await productScans({ q: "042", sort: "price_asc" });
    expect(byPrice.sql).not.toMatch(/unnest|ANY\(/);
    expect(byPrice.page.items.map((item) => item.id).sort()).toEqual(rare.page.items.map((item) => item.id).sort());
  });

  it("ranks name matches above description matches, and pages the bound exactly once", async () => {
    const [inName, inDescription] = await Promise.all(
      [
        { name: "Zephyr Lantern", description: "Bright" },
        { name: "Plain Lamp", description: "Lights like a zephyr lantern" },
      ].map(async (data) => (await prisma.product.create({ data: { ...data, slug: unique("zephyr"), price: "5.00", categoryId: categoryIds[5]! } })).id),
    );
    const found = await anonymous().product.list({ q: "zephyr", sort: "relevance" });
    expect(found.items.map((item) => item.id)).toEqual([inName, inDescription]);

    const newest = await prisma.product.findMany({
      where: { status: "ACTIVE", name: { startsWith: "Item " } },
      orderBy: sortKeys.newest,
      take: MAX_SEARCH_MATCHES,
      select: { id: true },
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages <= MAX_SEARCH_MATCHES / 50; pages++) {
      const page = await anonymous().product.list({ q: "item", sort: "relevance", limit: 50, cursor });
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(MAX_SEARCH_MATCHES);
    expect([...seen].sort()).toEqual(newest.map((row) => row.id).sort());
  });

  it("pages through everything exactly once and in order, for every sort and filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(sortKeys) as Sort[])),
        fc.integer({ min: 25, max: 100 }),
        fc.option(fc.constantFrom(0, 1, 4), { nil: undefined }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 250 }), fc.integer({ min: 250, max: 500 })), { nil: undefined }),
        async (sort, limit, category, range) => {
          const slug = category === undefined ? undefined : (await prisma.category.findUniqueOrThrow({ where: { id: categoryIds[category]! } })).slug;
          // Each choice and its active descendants: parent → child → grandchild; "Other 0" alone.
          const categoryFilter = category === undefined ? {} : { categoryId: { in: categoryIds.slice(category, category === 4 ? 5 : 3) } };
          const expected = await prisma.product.findMany({
            where: { status: "ACTIVE", ...categoryFilter, ...(range && { minPrice: { gte: range[0], lte: range[1] } }) },
            orderBy: sortKeys[sort],
            select: { id: true },
          });
          const seen: string[] = [];
          let cursor: string | undefined;
          // Bounded: never more pages than the rows allow, plus the last empty check.
          for (let pages = 0; pages <= Math.ceil(PRODUCTS / limit); pages++) {
            const page = await anonymous().product.list({
              sort,
              limit,
              cursor,
              categorySlug: slug,
              ...(range && { minPrice: String(range[0]), maxPrice: String(range[1]) }),
            });
            seen.push(...page.items.map((item) => item.id));
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          expect(seen).toEqual(expected.map((row) => row.id));
        },
      ),
      { seed: 20_261_126, numRuns: 12 },
    );
  }, 120_000);
});

describe("product.list prices come from the variants", () => {
  it("a variant reprice through the admin API moves the card's price, the price sorts and the price filter past the cache", async () => {
    const admin = await createUser(["ADMIN"]);
    // Through the API: the list resolves categories from the cached tree, which this invalidates.
    const category = await admin.caller.admin.category.create({ name: "Repriced", slug: unique("repriced") });
    const product = (name: string, price: string, variants: string[]) =>
      prisma.product.create({
        data: {
          name,
          slug: unique(name.toLowerCase()),
          price,
          categoryId: category.id,
          variants: { create: variants.map((variantPrice, position) => ({ sku: unique("RP"), price: variantPrice, position })) },
        },
        select: { id: true, slug: true, variants: { select: { id: true, sku: true, price: true }, orderBy: { position: "asc" } } },
      });
    // The shirt's base price says 69.95, but its XL costs 74.95; the mug has no variants.
    const shirt = await product("Shirt", "69.95", ["69.95", "74.95"]);
    const boots = await product("Boots", "144.50", ["144.50"]);
    const mug = await product("Mug", "80.00", []);
    const list = async (input: Partial<ProductListInput>) =>
      (await anonymous().product.list({ categorySlug: category.slug, sort: "price_asc", ...input })).items.map((item) => [
        item.slug,
        item.minPrice.toFixed(2),
        item.maxPrice.toFixed(2),
      ]);

    expect(await list({})).toEqual([
      [shirt.slug, "69.95", "74.95"],
      [mug.slug, "80.00", "80.00"],
      [boots.slug, "144.50", "144.50"],
    ]);
    // Served from the cache: a write that invalidates nothing is not seen yet.
    await prisma.product.update({ where: { id: mug.id }, data: { price: "81.00" } });
    expect((await list({}))[1]).toEqual([mug.slug, "80.00", "80.00"]);

    const reprice = (variant: { id: string; sku: string }, productId: string, price: string, isActive = true) =>
      admin.caller.admin.product.upsertVariant({ id: variant.id, productId, sku: variant.sku, price, isActive });
    await reprice(boots.variants[0]!, boots.id, "59.00");
    expect(await list({})).toEqual([
      [boots.slug, "59.00", "59.00"],
      [shirt.slug, "69.95", "74.95"],
      [mug.slug, "81.00", "81.00"],
    ]);
    expect((await list({ sort: "price_desc" })).map(([slug]) => slug)).toEqual([mug.slug, shirt.slug, boots.slug]);
    // The range filters the "from" price: the shirt from 69.95 is below 70.
    expect((await list({ minPrice: "70", maxPrice: "100" })).map(([slug]) => slug)).toEqual([mug.slug]);

    // Without its 69.95 size the shirt starts at 74.95.
    await reprice(shirt.variants[0]!, shirt.id, "69.95", false);
    expect(await list({ minPrice: "70", maxPrice: "100" })).toEqual([
      [shirt.slug, "74.95", "74.95"],
      [mug.slug, "81.00", "81.00"],
    ]);
    await reprice(shirt.variants[1]!, shirt.id, "154.50");
    expect((await list({})).at(-1)).toEqual([shirt.slug, "154.50", "154.50"]);
  });
});

describe("product.list of a parent category", () => {
  it("lists the products of every active descendant, and a subcategory narrows it to its own subtree", async () => {
    const admin = await createUser(["ADMIN"]);
    const outdoor = await admin.caller.admin.category.create({ name: "Outdoor", slug: unique("outdoor") });
    const tents = await admin.caller.admin.category.create({ name: "Tents", slug: unique("tents"), parentId: outdoor.id });
    const stoves = await admin.caller.admin.category.create({ name: "Stoves", slug: unique("stoves"), parentId: outdoor.id });
    const product = async (categoryId: string, price: string) =>
      (await prisma.product.create({ data: { name: "Gear", slug: unique("gear"), price, sku: unique("GEAR"), categoryId }, select: { slug: true } })).slug;
    const tent = await product(tents.id, "300.00");
    const stove = await product(stoves.id, "45.00");
    const slugs = async (input: Partial<ProductListInput>) =>
      (await anonymous().product.list({ sort: "price_asc", ...input })).items.map((item) => item.slug);

    // The parent holds no product of its own.
    expect(await slugs({ categorySlug: outdoor.slug })).toEqual([stove, tent]);
    expect(await slugs({ categorySlug: tents.slug })).toEqual([tent]);
    expect(await slugs({ categorySlug: outdoor.slug, maxPrice: "100" })).toEqual([stove]);

    // A grandchild added later joins the parent's list (the cached tree is invalidated).
    const domes = await admin.caller.admin.category.create({ name: "Domes", slug: unique("domes"), parentId: tents.id });
    const dome = await product(domes.id, "150.00");
    expect(await slugs({ categorySlug: outdoor.slug })).toEqual([stove, dome, tent]);
    expect(await slugs({ categorySlug: tents.slug })).toEqual([dome, tent]);
  });
});
