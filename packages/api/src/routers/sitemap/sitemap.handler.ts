import { Prisma } from "@shop/db";
import type { Context } from "../../context";
import { notFound } from "../../lib/errors";
import type { SitemapKind } from "./sitemap.schema";

/** Where a sitemap page starts (its first row id, for a keyset read) and when its newest URL changed. */
export interface SitemapPage {
  first: string;
  lastModified: Date;
}

/** What the sitemap lists: active products, active categories, each walked in id order. */
const sources = {
  products: { table: Prisma.sql`"Product"`, listed: Prisma.sql`status = 'ACTIVE'`, path: "/p/" },
  categories: { table: Prisma.sql`"Category"`, listed: Prisma.sql`"isActive"`, path: "/c/" },
} satisfies Record<SitemapKind, { table: Prisma.Sql; listed: Prisma.Sql; path: string }>;

/**
 * The pages of `kind`'s sitemap, `pageSize` rows each, in one pass over the listed rows'
 * ids: each page's first id and newest `updatedAt`. A page is then read by keyset from
 * its first id, so no read skips rows with OFFSET however large the catalog.
 */
export async function sitemapPages(ctx: Pick<Context, "db">, kind: SitemapKind, pageSize: number): Promise<SitemapPage[]> {
  const { table, listed } = sources[kind];
  return ctx.db.$queryRaw<SitemapPage[]>`
    SELECT min(id) AS first, max("updatedAt") AS "lastModified"
      FROM (SELECT id, "updatedAt", (row_number() OVER (ORDER BY id) - 1) / ${pageSize} AS page
              FROM ${table} WHERE ${listed}) numbered
     GROUP BY page
     ORDER BY page`;
}

/** The URLs of one sitemap page: up to `pageSize` rows from `start.first` on, in id order. */
export async function sitemapEntries(ctx: Pick<Context, "db">, kind: SitemapKind, start: SitemapPage, pageSize: number) {
  const { table, listed, path } = sources[kind];
  const rows = await ctx.db.$queryRaw<{ slug: string; lastModified: Date }[]>`
    SELECT slug, "updatedAt" AS "lastModified" FROM ${table}
     WHERE ${listed} AND id >= ${start.first}
     ORDER BY id
     LIMIT ${pageSize}`;
  return rows.map((row) => ({ path: `${path}${row.slug}`, lastModified: row.lastModified }));
}

/** Page `page` (from 1) of `pages`, NOT_FOUND past the last. */
export function pageAt(pages: SitemapPage[], page: number): SitemapPage {
  const start = pages[page - 1];
  if (!start) throw notFound("Sitemap page");
  return start;
}
