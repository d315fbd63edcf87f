import { TRPCError } from "@trpc/server";
import { siteUrl } from "~/lib/seo";
import { sitemapXml } from "~/lib/sitemap-xml";
import { api } from "~/trpc/server";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });

/** One page of the sitemap, named as sitemap.xml lists it: /sitemap/products-2.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(products|categories)-([1-9]\d{0,4})\.xml$/.exec((await params).file);
  if (!match) return notFound();
  try {
    const entries = await api.sitemap.page({ kind: match[1] === "products" ? "products" : "categories", page: Number(match[2]) });
    return sitemapXml("urlset", "url", entries.map((entry) => ({ url: siteUrl(entry.path), lastModified: entry.lastModified })));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
