// orm: an uncached `product.list` page through the API's handler (Prisma) against the
// very statements it sends, captured and replayed through a bare `pg` pool: the gap is
// what Prisma and the handler add in this process, not a difference of SQL.
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { listProducts } from "../../packages/api/src/routers/product/list.handler";
import { productListInput } from "../../packages/api/src/routers/product/list.schema";
import { compare, type Comparison } from "./figures";
import { captureSql, interleave, timed } from "./measure";
import type { Shop } from "./shop";

export async function measureOrm(shop: Shop, rounds: number, budgetMs: number): Promise<Comparison> {
  const input = productListInput.parse({ sort: "newest" });
  const ctx = shop.context();
  let page: Awaited<ReturnType<typeof listProducts>> | undefined;
  const statements = await captureSql(async () => (page = await listProducts(ctx, input)));
  const pool = new pg.Pool({ connectionString: shop.url, max: 2 });
  try {
    const replay = async () => {
      let rows: { id?: unknown }[] = [];
      for (const { text, values } of statements) rows = (await pool.query<{ id?: unknown }>(text, values)).rows;
      return rows;
    };
    // Same rows: the page's ids are the replay's first rows (the handler asks one more, to know a next page exists).
    const ids = page?.items.map((item) => item.id) ?? [];
    const replayed = (await replay()).slice(0, ids.length).map((row) => row.id);
    if (ids.length === 0 || !isDeepStrictEqual(ids, replayed)) throw new Error(`orm: the replayed SQL returned other rows (${replayed.length} vs ${ids.length})`);

    const sides = await interleave(
      {
        a: { label: "product.list page, listProducts (Prisma), uncached", run: timed(() => listProducts(ctx, input), budgetMs) },
        b: { label: `the same ${statements.length} statement(s) through pg`, run: timed(replay, budgetMs) },
      },
      rounds,
    );
    return { ...compare("orm", sides.a, sides.b), statements: statements.length };
  } finally {
    await pool.end();
  }
}
