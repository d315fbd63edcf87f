import { z } from "zod";

export const sitemapKind = z.enum(["products", "categories"]);
export type SitemapKind = z.infer<typeof sitemapKind>;

/** One page of one kind's sitemap, numbered from 1 as `sitemap.index` lists them. */
export const sitemapPageInput = z.object({ kind: sitemapKind, page: z.number().int().min(1).max(100_000) });
