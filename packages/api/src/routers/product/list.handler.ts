import { Prisma } from "@shop/db";
import type { Context } from "../../context";
import { keyset, toPage, type KeysetSort } from "../../lib/pagination";
import type { productCardSelect } from "../../lib/selects";
import { activeCategories } from "../category/category.router";
import type { ProductListInput } from "./list.schema";

const sorts = {
  newest: { column: "createdAt", direction: "desc" },
  // By the lowest active variant price, the "from" price the card shows.
  price_asc: { column: "minPrice", direction: "asc" },
  price_desc: { column: "minPrice", direction: "desc" },
  name: { column: "name", direction: "asc" },
} satisfies Record<string, KeysetSort>;

// Relevance search ranks at most this many matches, and an offset cursor reaches no
// further: a shop search shows the best of a bounded set, not every product that shares
// a word. Finding them costs about (bound / share of products matching) index rows, each
// checked against the query: at 100k products, 1,000 of "shirt" (1 in 8 matches) read
// 8,000 rows in 10 ms, 13 ms a page against 2.5 ms at 1k; 200 keep it within 1.5x. Other
// sorts page every match.
export const MAX_SEARCH_MATCHES = 200;

type ProductCard = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;
type CardRow = Omit<ProductCard, "category" | "variants"> & {
  categoryId: string;
  categoryName: string;
  categorySlug: string;
  salePrice: Prisma.Decimal | null;
  saleCompareAtPrice: Prisma.Decimal | null;
};

// The card's own columns, read from "Product" p or from a subquery aliased p that carries them.
const cardColumns = Prisma.sql`p.id, p.name, p.slug, p.price, p."minPrice", p."maxPrice", p."compareAtPrice", p.currency, p.images, p.quantity, p.status`;

const tsquery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

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
 * rather than Prisma's second query per page. `from` is "Product" p unless a caller
 * narrows the rows first (relevance search).
 */
async function cards(ctx: Context, page: { from?: Prisma.Sql; where?: Prisma.Sql[]; orderBy: Prisma.Sql; take: number; skip?: number }) {
  const rows = await ctx.db.$queryRaw<CardRow[]>`
    SELECT ${cardColumns}, c.id AS "categoryId", c.name AS "categoryName", c.slug AS "categorySlug",
           sale.price AS "salePrice", sale."compareAtPrice" AS "saleCompareAtPrice"
      FROM ${page.from ?? Prisma.sql`"Product" p`} JOIN "Category" c ON c.id = p."categoryId"
      -- productCardSelect's variants: the cheapest active variant on sale, if any.
      LEFT JOIN LATERAL (SELECT v.price, v."compareAtPrice" FROM "ProductVariant" v
                          WHERE v."productId" = p.id AND v."isActive" AND v."compareAtPrice" IS NOT NULL
                          ORDER BY v.price, v.id LIMIT 1) sale ON true
     ${page.where ? Prisma.sql`WHERE ${Prisma.join(page.where, " AND ")}` : Prisma.empty}
     ORDER BY ${page.orderBy}
     LIMIT ${page.take} OFFSET ${page.skip ?? 0}`;
  return rows.map(({ categoryId, categoryName, categorySlug, salePrice, saleCompareAtPrice, ...card }): ProductCard => ({
    ...card,
    category: { id: categoryId, name: categoryName, slug: categorySlug },
    variants: salePrice && saleCompareAtPrice ? [{ price: salePrice, compareAtPrice: saleCompareAtPrice }] : [],
  }));
}

export async function listProducts(ctx: Context, input: ProductListInput) {
  const where = [Prisma.sql`p.status = 'ACTIVE'`];
  if (input.categorySlug) where.push(Prisma.sql`p."categoryId" = ANY(${await categoryIds(ctx, input.categorySlug)}::text[])`);
  // The price range filters the "from" price, as the price sorts order by it.
  if (input.minPrice) where.push(Prisma.sql`p."minPrice" >= ${input.minPrice}::numeric`);
  if (input.maxPrice) where.push(Prisma.sql`p."minPrice" <= ${input.maxPrice}::numeric`);
  // GIN index on searchVector; the planner may instead walk a sort index and filter.
  if (input.q) where.push(Prisma.sql`p."searchVector" @@ ${tsquery(input.q)}`);

  if (input.q && input.sort === "relevance") {
    // Bound before ranking: ts_rank reads every candidate's document, so only the
    // newest MAX_SEARCH_MATCHES matches (filters applied) are ranked, best first. The
    // bound takes them by ("createdAt", id), a cheap key that the GIN match or the
    // (status, createdAt, id) index yields; ranking all of "shirt" at 100k (12.5k
    // matches) read 9x the pages and took 3-5x as long (docs/performance.md).
    // Rank order is no index order, so pages take an offset cursor, clamped to the
    // bound (a bad cursor is page 1 or empty).
    const offset = Math.min(Math.max(Math.trunc(Number(input.cursor ?? 0)) || 0, 0), MAX_SEARCH_MATCHES);
    const items = await cards(ctx, {
      from: Prisma.sql`(SELECT ${cardColumns}, p."categoryId", p."searchVector" FROM "Product" p
                         WHERE ${Prisma.join(where, " AND ")}
                         ORDER BY p."createdAt" DESC, p.id DESC LIMIT ${MAX_SEARCH_MATCHES}) p`,
      orderBy: Prisma.sql`ts_rank(p."searchVector", ${tsquery(input.q)}) DESC, p.id`,
      take: input.limit + 1,
      skip: offset,
    });
    const hasMore = items.length > input.limit;
    return { items: items.slice(0, input.limit), nextCursor: hasMore ? String(offset + input.limit) : null };
  }

  // Any other sort pages every match (or every product) by keyset.
  const sort = sorts[input.sort === "relevance" ? "newest" : input.sort];
  const { after, orderBy } = keyset("Product", "p", sort, input.cursor);
  const items = await cards(ctx, { where: [...where, after], orderBy, take: input.limit + 1 });
  return toPage(items, input.limit);
}
