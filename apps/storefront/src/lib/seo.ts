import "server-only";
import { env } from "@shop/db";
import type { Metadata } from "next";
import { cache } from "react";
import { api } from "~/trpc/server";

/** The shop's name and currency (store.info: the API's cached settings read), once per request. */
export const storeInfo = cache(() => api.store.info());

/** Where the storefront is served: the base of canonical links, Open Graph URLs and the sitemap. */
export const siteUrl = (path = "/") => new URL(path, env().STOREFRONT_URL).toString();

/** A description as search results show it: one line of plain text, cut at a word near 160 characters. */
export function summary(text: string, limit = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * A public page's metadata: its title (the root layout's template adds the store's
 * name), description, canonical link and Open Graph tags. `path` is the canonical
 * path: callers leave out query parameters that only sort, filter or page the same
 * content. Open Graph is set whole here because a page's `openGraph` replaces the
 * layout's rather than merging with it.
 */
export async function pageMetadata(page: { title?: string; description: string; path: string; images?: string[] }): Promise<Metadata> {
  const { name } = await storeInfo();
  return {
    ...(page.title !== undefined && { title: page.title }),
    description: page.description,
    alternates: { canonical: page.path },
    openGraph: {
      type: "website",
      siteName: name,
      title: page.title === undefined ? name : `${page.title} · ${name}`,
      description: page.description,
      url: page.path,
      ...(page.images?.length && { images: page.images.map((image) => siteUrl(image)) }),
    },
  };
}
