import { Prisma } from "@shop/db";
import type { Context } from "../../context";
import { productCardSelect } from "../../lib/selects";
import type { ProductListInput } from "./list.schema";
import { pageArgs, toPage } from "../../lib/pagination";

const orderings = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  price_asc: [{ price: "asc" }, { id: "asc" }],
  price_desc: [{ price: "desc" }, { id: "desc" }],
  name: [{ name: "asc" }, { id: "asc" }],
} satisfies Record<string, Prisma.ProductOrderByWithRelationInput[]>;

// Full-text search caps its candidate set: a shop search returns the best matches,
// not every product that shares a word.
const MAX_SEARCH_MATCHES = 1_000;

/** Ids of active products matching `q`, best first (PostgreSQL full-text search, GIN index). */
async function searchIds(ctx: Context, q: string): Promise<string[]> {
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Product"
     WHERE status = 'ACTIVE' AND "searchVector" @@ websearch_to_tsquery('english', ${q})
     ORDER BY ts_rank("searchVector", websearch_to_tsquery('english', ${q})) DESC, id
     LIMIT ${MAX_SEARCH_MATCHES}`;
  return rows.map((row) => row.id);
}

export async function listProducts(ctx: Context, input: ProductListInput) {
  const where: Prisma.ProductWhereInput = {
    status: "ACTIVE",
    ...(input.categorySlug && { category: { slug: input.categorySlug } }),
    ...((input.minPrice || input.maxPrice) && { price: { gte: input.minPrice, lte: input.maxPrice } }),
  };
  const matches = input.q ? await searchIds(ctx, input.q) : null;
  if (matches) where.id = { in: matches };

  if (matches && input.sort === "relevance") {
    // Rank order lives in `matches`; page through it with an offset cursor.
    const filtered = await ctx.db.product.findMany({ where, select: { id: true } });
    const allowed = new Set(filtered.map((row) => row.id));
    const ranked = matches.filter((matchId) => allowed.has(matchId));
    const offset = Number(input.cursor ?? 0) || 0;
    const page = ranked.slice(offset, offset + input.limit);
    const products = await ctx.db.product.findMany({ where: { id: { in: page } }, select: productCardSelect });
    const byId = new Map(products.map((product) => [product.id, product]));
    return {
      items: page.map((pageId) => byId.get(pageId)).filter((product) => product !== undefined),
      nextCursor: offset + input.limit < ranked.length ? String(offset + input.limit) : null,
    };
  }

  const sort = input.sort === "relevance" ? "newest" : input.sort;
  const items = await ctx.db.product.findMany({
    where,
    select: productCardSelect,
    orderBy: orderings[sort],
    ...pageArgs(input),
  });
  return toPage(items, input.limit);
}
