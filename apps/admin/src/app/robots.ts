import type { MetadataRoute } from "next";

/** The admin app is for staff: nothing in it is for search engines. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", disallow: "/" } };
}
