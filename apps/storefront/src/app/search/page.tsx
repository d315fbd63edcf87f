import type { Metadata } from "next";
import { ProductListing, type SearchParams } from "~/components/product-listing";
import { SearchForm } from "~/components/search-form";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim().slice(0, 200) || undefined;
  return (
    <div className="stack">
      <h1>{q ? `Results for “${q}”` : "All products"}</h1>
      <SearchForm defaultValue={q} />
      <ProductListing
        base={{ q }}
        searchParams={params}
        // Without search words there is no relevance to sort by.
        sorts={q ? ["relevance", "newest", "price_asc", "price_desc", "name"] : ["newest", "price_asc", "price_desc", "name"]}
        empty={<p>Try other words, or browse the categories.</p>}
      />
    </div>
  );
}
