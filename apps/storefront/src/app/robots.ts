import type { MetadataRoute } from "next";
import { siteUrl } from "~/lib/seo";

// Per request: STOREFRONT_URL belongs to the server that runs the build, not to the build.
export const dynamic = "force-dynamic";

/** The catalog is open to crawlers; a visitor's own pages and the API are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/account", "/cart", "/checkout", "/orders", "/wishlist", "/api/"] },
    sitemap: siteUrl("/sitemap.xml"),
  };
}
