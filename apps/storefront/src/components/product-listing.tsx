import { productListInput } from "@shop/api/schemas";
import type { ReactNode } from "react";
import { z } from "zod";
import { HydrateClient, api } from "~/trpc/server";
import { ListingFilters, type SortOption, type SubcategoryFilter } from "./listing-filters";
import { ProductResults, type ProductListQuery } from "./product-results";

const PAGE_SIZE = 12;

export type SearchParams = Record<string, string | string[] | undefined>;

/** A query-string value as the form sent it; blank fields count as not given. */
function param(searchParams: SearchParams, name: string): string | undefined {
  const value = searchParams[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

/**
 * A filterable product listing (category page, search): the URL's filters are checked
 * with `product.list`'s own schema, the first page is fetched on the server, and
 * "Load more" continues in the browser.
 */
export async function ProductListing(props: {
  base: { categorySlug?: string; q?: string };
  searchParams: SearchParams;
  sorts: [SortOption, ...SortOption[]];
  empty: ReactNode;
  subcategories?: SubcategoryFilter;
}) {
  const filters = {
    minPrice: param(props.searchParams, "minPrice"),
    maxPrice: param(props.searchParams, "maxPrice"),
    sort: param(props.searchParams, "sort") ?? props.sorts[0],
  };
  const parsed = productListInput.safeParse({ ...props.base, ...filters, limit: PAGE_SIZE });
  // Bad filters are reported beside their fields; the listing then ignores them.
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const { cursor: _cursor, ...input }: ProductListQuery & { cursor?: string } = parsed.success
    ? parsed.data
    : { ...props.base, sort: props.sorts[0], limit: PAGE_SIZE };
  // Awaited, so the first page is in the server-rendered HTML.
  await api.product.list.prefetchInfinite(input);

  return (
    <div className="stack">
      <ListingFilters
        values={filters}
        sorts={props.sorts}
        errors={{ minPrice: errors.minPrice?.join(", "), maxPrice: errors.maxPrice?.join(", "), sort: errors.sort?.join(", ") }}
        hidden={props.base.q ? { q: props.base.q } : undefined}
        subcategories={props.subcategories}
      />
      {/* The cards' names are h3s: without an h2 between them and the page's h1, headings skip a level (Lighthouse heading-order). */}
      <h2 className="visually-hidden">Products</h2>
      <HydrateClient>
        <ProductResults input={input} empty={props.empty} />
      </HydrateClient>
    </div>
  );
}
