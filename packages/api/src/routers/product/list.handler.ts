import { Prisma } from "@shop/db";
import type { Context } from "../../context";
import { keyset, toPage, type KeysetSort } from "../../lib/pagination";
import type { productCardSelect } from "../../lib/selects";
import { activeCategories } from "../category/category.router";
import type { ProductListInput } from "./list.schema";

const sorts = {
  newest: { column: "createdAt", direction: "desc" },
  price_asc: { column: "price", direction: "asc" },
  price_desc: { column: "price", direction: "desc" },
  name: { column: "name", direction: "asc" },
} satisfies Record<string, KeysetSort>;

// Full-text search caps its candidate set: a shop search returns the best matches,
// not every product that shares a word.
const MAX_SEARCH_MATCHES = 1_000;

type ProductCard = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;
type CardRow = Omit<ProductCard, "category"> & { categoryId: string; categoryName: string; categorySlug: string };

/** Ids of active products matching `q`, best first (PostgreSQL full-text search, GIN index). */
async function searchIds(ctx: Context, q: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product"
     WHERE status = 'ACTIVE' AND "searchVector" @@ websearch_to_tsquery('english', ${q})
     ORDER BY ts_rank("searchVector", websearch_to_tsquery('english', ${q})) DESC, id
     LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
}

/**
 * The category and every active category below it, from the cached category tree: the
 * list then filters on `categoryId`, which the planner estimates well, instead of
 * joining Category by slug (it read and sorted the whole category). Unknown → none.
 */
async function categoryIds(ctx: Context, slug: string): Promise<string[]> {
  const categories = await activeCategories({ ctx, input: undefined });
  const root = categories.find((category) => category.slug === slug);
  if (!root) return [];
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    for (const category of categories) if (category.parentId === ids[i]) ids.push(category.id);
  }
  return ids;
}

/**
 * One page of product cards in one statement: the card's category comes from a join
 * rather than Prisma's second query per page.
 */
async function cards(ctx: Context, page: { from?: Prisma.Sql; where: Prisma.Sql[]; orderBy: Prisma.Sql; take: number; skip?: number }) {
  const rows = await ctx.db.$queryRaw<CardRow[]>`
    SELECT p.id, p.name, p.slug, p.price, p."compareAtPrice", p.currency, p.images, p.quantity, p.status,
           c.id AS "categoryId", c.name AS "categoryName", c.slug AS "categorySlug"
      FROM "Product" p JOIN "Category" c ON c.id = p."categoryId" ${page.from ?? Prisma.empty}
     WHERE ${Prisma.join(page.where, " AND ")}
     ORDER BY ${page.orderBy}
     LIMIT ${page.take} OFFSET ${page.skip ?? 0}`;
  return rows.map(({ categoryId, categoryName, categorySlug, ...card }): ProductCard => ({
    ...card,
    category: { id: categoryId, name: categoryName, slug: categorySlug },
  }));
}

export async function listProducts(ctx: Context, input: ProductListInput) {
  const where = [Prisma.sql`p.status = 'ACTIVE'`];
  if (input.categorySlug) where.push(Prisma.sql`p."categoryId" = ANY(${await categoryIds(ctx, input.categorySlug)}::text[])`);
  if (input.minPrice) where.push(Prisma.sql`p.price >= ${input.minPrice}::numeric`);
  if (input.maxPrice) where.push(Prisma.sql`p.price <= ${input.maxPrice}::numeric`);
  const matches = input.q ? await searchIds(ctx, input.q) : null;

  if (matches && input.sort === "relevance") {
    // Rank order lives in `matches`; page through it with an offset cursor (at most
    // MAX_SEARCH_MATCHES rows, so an offset is cheap; a bad cursor is page 1 or empty).
    const offset = Math.min(Math.max(Math.trunc(Number(input.cursor ?? 0)) || 0, 0), MAX_SEARCH_MATCHES);
    const items = await cards(ctx, {
      from: Prisma.sql`JOIN unnest(${matches}::text[]) WITH ORDINALITY AS m(id, rank) ON m.id = p.id`,
      where,
      orderBy: Prisma.sql`m.rank`,
      take: input.limit + 1,
      skip: offset,
    });
    const hasMore = items.length > input.limit;
    return { items: items.slice(0, input.limit), nextCursor: hasMore ? String(offset + input.limit) : null };
  }

  if (matches) where.push(Prisma.sql`p.id = ANY(${matches}::text[])`);
  const sort = sorts[input.sort === "relevance" ? "newest" : input.sort];
  const { after, orderBy } = keyset("Product", "p", sort, input.cursor);
  const items = await cards(ctx, { where: [...where, after], orderBy, take: input.limit + 1 });
  return toPage(items, input.limit);
}
