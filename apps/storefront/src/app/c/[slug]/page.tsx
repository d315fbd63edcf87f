import type { Metadata } from "next";
import Link from "next/link";
import { ProductListing, type SearchParams } from "~/components/product-listing";
import { orNotFound } from "~/lib/not-found";
import { pageMetadata, storeInfo, summary } from "~/lib/seo";
import { api } from "~/trpc/server";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

// The canonical link leaves out sort, price filters and paging: they reorder or narrow the same category.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [category, { name }] = await Promise.all([orNotFound(api.category.bySlug({ slug })), storeInfo()]);
  return pageMetadata({
    title: category.name,
    description: summary(category.description ?? `Shop ${category.name} at ${name}.`),
    path: `/c/${category.slug}`,
  });
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const category = await orNotFound(api.category.bySlug({ slug }));
  const query = await searchParams;
  // The list of a category includes its descendants' products; ?sub= narrows it to one
  // child's subtree (an unknown child lists the whole category).
  const subcategory = category.children.find((child) => child.slug === query.sub);
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className="breadcrumb muted">
        <Link href="/">Home</Link> / {category.parent ? <><Link href={`/c/${category.parent.slug}`}>{category.parent.name}</Link> / </> : null}
        <span aria-current="page">{category.name}</span>
      </nav>
      <h1>{category.name}</h1>
      {category.description ? <p className="muted">{category.description}</p> : null}
      {category.children.length ? (
        <nav aria-label="Subcategories" className="row">
          {category.children.map((child) => (
            <Link key={child.id} href={`/c/${child.slug}`} className="button">
              {child.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <ProductListing
        base={{ categorySlug: subcategory?.slug ?? category.slug }}
        searchParams={query}
        sorts={["newest", "price_asc", "price_desc", "name"]}
        empty={<p>Try a wider price range{subcategory ? " or another subcategory" : ""}.</p>}
        subcategories={
          category.children.length
            ? { parentName: category.name, options: category.children.map(({ slug, name }) => ({ slug, name })), value: subcategory?.slug }
            : undefined
        }
      />
    </div>
  );
}
