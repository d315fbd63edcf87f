import "server-only";

/** XML text: the five characters with a meaning in XML escaped. */
const xmlText = (text: string) => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** A <loc>/<lastmod> pair per entry inside `root`, as the sitemap protocol (sitemaps.org) writes them. */
export function sitemapXml(root: "sitemapindex" | "urlset", item: "sitemap" | "url", entries: { url: string; lastModified: Date }[]): Response {
  const body = entries.map((entry) => `<${item}><loc>${xmlText(entry.url)}</loc><lastmod>${entry.lastModified.toISOString()}</lastmod></${item}>`).join("\n");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</${root}>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
