import { siteUrl } from "~/lib/seo";
import { sitemapXml } from "~/lib/sitemap-xml";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

/** The sitemap index: one sitemap per page of SITEMAP_PAGE_SIZE products or categories (sitemap.index). */
export async function GET() {
  const index = await api.sitemap.index();
  const pages = (["categories", "products"] as const).flatMap((kind) =>
    index[kind].map(({ page, lastModified }) => ({ url: siteUrl(`/sitemap/${kind}-${page}.xml`), lastModified })),
  );
  return sitemapXml("sitemapindex", "sitemap", pages);
}
