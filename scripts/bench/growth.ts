// growth.*: how the median latency of each uncached read grows from the small catalog
// to the large one (same inputs on both; the small catalog is the large one's first
// products, as the seed is deterministic). The sizes alternate round by round.
import pg from "pg";
import { createCaller } from "../../packages/api/src/index";
import { productBySlug } from "../../packages/api/src/routers/product/bySlug.handler";
import { listProducts } from "../../packages/api/src/routers/product/list.handler";
import { productListInput } from "../../packages/api/src/routers/product/list.schema";
import { compare, type Comparison, type FigureKey } from "./figures";
import { captureSql, interleave, timed } from "./measure";
import type { Plan } from "./report";
import type { Shop } from "./shop";

type Read = (shop: Shop) => Promise<(i: number) => Promise<unknown>>;

const DEEP_PAGE = 500;

const list = (raw: Record<string, unknown>): Read => async (shop) => {
  const ctx = shop.context();
  const input = productListInput.parse(raw);
  return () => listProducts(ctx, input);
};

/**
 * Page 500 of the newest-first list, reached by walking the cursor chain as a client
 * would (so it holds whatever a cursor is); a catalog with fewer pages gives its last.
 */
const deepPage: Read = async (shop) => {
  const ctx = shop.context();
  let cursor: string | undefined;
  let page = 1;
  for (; page < DEEP_PAGE; page++) {
    const next = (await listProducts(ctx, productListInput.parse({ sort: "newest", cursor }))).nextCursor;
    if (!next) break;
    cursor = next;
  }
  console.log(`  ${shop.name}: deep page is page ${page}`);
  const input = productListInput.parse({ sort: "newest", cursor });
  return () => listProducts(ctx, input);
};

export type GrowthKey = Extract<FigureKey, `growth.${string}`>;

export function growthReads(slugs: string[]): Record<GrowthKey, { label: string; read: Read }> {
  return {
    "growth.list": { label: "product.list first page (newest)", read: list({ sort: "newest" }) },
    "growth.deep_page": { label: `product.list page ${DEEP_PAGE} by cursor (or the last page)`, read: deepPage },
    "growth.search": { label: 'product.list search "shirt" (relevance)', read: list({ q: "shirt", sort: "relevance" }) },
    "growth.price": { label: "product.list category clothing, price 50-100, price ascending", read: list({ categorySlug: "clothing", minPrice: "50", maxPrice: "100", sort: "price_asc" }) },
    "growth.by_slug": {
      label: "product.bySlug handler (50 products found in both catalogs)",
      read: async (shop) => {
        const ctx = shop.context();
        return (i) => productBySlug(ctx, slugs[i % slugs.length] ?? "");
      },
    },
    "growth.categories": {
      label: "category.list via createCaller, uncached",
      read: async (shop) => {
        const caller = createCaller(shop.uncachedContext());
        return () => caller.category.list();
      },
    },
  };
}

/**
 * One growth figure: A is the large catalog, B the small; the ratio is A's median
 * latency over B's. Also the plan of each statement the read sends at the large size.
 */
export async function measureGrowth(
  key: GrowthKey,
  { label, read }: { label: string; read: Read },
  sizes: { large: Shop; small: Shop },
  rounds: number,
  budgetMs: number,
): Promise<{ figure: Comparison; plans: Plan[] }> {
  const [atLarge, atSmall] = [await read(sizes.large), await read(sizes.small)];
  await atLarge(0); // warm: the statements of a steady call, not of a cold category tree
  const statements = await captureSql(() => atLarge(1));
  const pool = new pg.Pool({ connectionString: sizes.large.url, max: 1 });
  const plans: Plan[] = [];
  try {
    for (const { text, values } of statements) {
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      plans.push({ figure: key, sql: text, plan: rows.map((row) => row["QUERY PLAN"]).join("\n") });
    }
  } finally {
    await pool.end();
  }
  const sides = await interleave(
    {
      a: { label: `${label}, ${sizes.large.name}`, run: timed(atLarge, budgetMs) },
      b: { label: `${label}, ${sizes.small.name}`, run: timed(atSmall, budgetMs) },
    },
    rounds,
  );
  return { figure: { ...compare(key, sides.a, sides.b, "latency"), statements: statements.length }, plans };
}
