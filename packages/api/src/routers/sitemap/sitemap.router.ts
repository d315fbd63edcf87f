import { env } from "@shop/db";
import type { Context } from "../../context";
import { tags } from "../../lib/cache";
import { cached } from "../../lib/cached";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { pageAt, sitemapEntries, sitemapPages } from "./sitemap.handler";
import { type SitemapKind, sitemapPageInput } from "./sitemap.schema";

// Keys carry the page size, so a changed SITEMAP_PAGE_SIZE never meets pages cut to the old one.
type Sized<T> = { ctx: Context; input: T & { pageSize: number } };
const sitemapTags = () => [tags.catalog, tags.categories];

const pagesOf = cached({ name: "sitemap.pages", tags: sitemapTags, replica: true }, ({ ctx, input }: Sized<{ kind: SitemapKind }>) => sitemapPages(ctx, input.kind, input.pageSize));

const entriesOf = cached({ name: "sitemap.page", tags: sitemapTags, replica: true }, async ({ ctx, input }: Sized<{ kind: SitemapKind; page: number }>) => {
  const pages = await pagesOf({ ctx, input: { kind: input.kind, pageSize: input.pageSize } });
  return sitemapEntries(ctx, input.kind, pageAt(pages, input.page), input.pageSize);
});

export const sitemapRouter = createTRPCRouter({
  /** Every page of the storefront's sitemap, per kind, with when its newest URL changed (for sitemap.xml). */
  index: publicProcedure.query(async ({ ctx }) => {
    const pageSize = env().SITEMAP_PAGE_SIZE;
    const listing = async (kind: SitemapKind) =>
      (await pagesOf({ ctx, input: { kind, pageSize } })).map((page, index) => ({ page: index + 1, lastModified: page.lastModified }));
    const [products, categories] = await Promise.all([listing("products"), listing("categories")]);
    return { products, categories };
  }),

  /** The paths of one sitemap page (NOT_FOUND past the last), each with its lastModified. */
  page: publicProcedure.input(sitemapPageInput).query(({ ctx, input }) => entriesOf({ ctx, input: { ...input, pageSize: env().SITEMAP_PAGE_SIZE } })),
});
