import type { Metadata } from "next";
import { ProductListing, type SearchParams } from "~/components/product-listing";
import { SearchForm } from "~/components/search-form";
import { pageMetadata, storeInfo } from "~/lib/seo";

/** The search words as the page reads them from the query string. */
const searchWords = (params: SearchParams) => (Array.isArray(params.q) ? params.q[0] : params.q)?.trim().slice(0, 200) || undefined;

// Result pages are for visitors, not search engines (they would index endless word lists): noindex, but follow to the products.
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const q = searchWords(await searchParams);
  const { name } = await storeInfo();
  const metadata = await pageMetadata({
    title: q ? `Search: ${q}` : "All products",
    description: q ? `Products at ${name} matching “${q}”.` : `Every product at ${name}, newest first.`,
    path: q ? `/search?q=${encodeURIComponent(q)}` : "/search",
  });
  return { ...metadata, robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = searchWords(params);
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
