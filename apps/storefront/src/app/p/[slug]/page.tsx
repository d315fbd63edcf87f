import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";
import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "~/auth";
import { orNotFound } from "~/lib/not-found";
import { pageMetadata, storeInfo, summary } from "~/lib/seo";
import { api } from "~/trpc/server";
import { ProductGallery } from "./product-gallery";
import { ProductJsonLd } from "./product-json-ld";
import { PurchasePanel, type PurchasableVariant } from "./purchase-panel";
import { RatingSummary } from "./rating-summary";
import { ReviewForm } from "./review-form";
import { ReviewList } from "./review-list";
import { WishlistButton } from "./wishlist-button";

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [product, { name }] = await Promise.all([orNotFound(api.product.bySlug({ slug })), storeInfo()]);
  return pageMetadata({
    title: product.name,
    description: summary(product.description ?? `${product.name} at ${name}.`),
    path: `/p/${product.slug}`,
    images: product.images,
  });
}

/** "M / Red" from a variant's name, else its option values, else its SKU. */
function variantLabel(variant: { name: string | null; options: unknown; sku: string }): string {
  if (variant.name) return variant.name;
  const values = variant.options && typeof variant.options === "object" ? Object.values(variant.options).map(String) : [];
  return values.length ? values.join(" / ") : variant.sku;
}

// Rendered on the server for every request, so a fresh load always shows the current price.
type ShownProduct = RouterOutputs["product"]["bySlug"];

/** A variant's own compare-at price, else the product's when it is above this variant's price. */
function wasPrice(variant: ShownProduct["variants"][number], productCompareAt: ShownProduct["compareAtPrice"]) {
  const was = variant.compareAtPrice ?? (productCompareAt?.gt(variant.price) ? productCompareAt : null);
  return was ? formatMoney(was, variant.currency) : null;
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const [product, session] = await Promise.all([orNotFound(api.product.bySlug({ slug })), auth()]);
  const reviews = await api.review.list({ productId: product.id, limit: 20 });
  const signedIn = Boolean(session?.user);
  // Client components get display strings, not Decimal objects.
  const variants: PurchasableVariant[] = product.variants.map((variant) => ({
    id: variant.id,
    label: variantLabel(variant),
    options: variant.options,
    price: formatMoney(variant.price, variant.currency),
    compareAtPrice: wasPrice(variant, product.compareAtPrice),
    available: variant.available,
  }));

  return (
    <div className="stack product-page">
      <ProductJsonLd product={product} />
      <nav aria-label="Breadcrumb" className="breadcrumb muted">
        <Link href="/">Home</Link> / {product.category ? <><Link href={`/c/${product.category.slug}`}>{product.category.name}</Link> / </> : null}
        <span aria-current="page">{product.name}</span>
      </nav>
      <div className="product-layout">
        {/* Keyed by product: another product's page starts on its own first picture and variant. */}
        <ProductGallery key={product.id} images={product.images} name={product.name} />
        <div className="stack">
          <h1>{product.name}</h1>
          <RatingSummary average={product.rating.average} count={product.rating.count} />
          <PurchasePanel key={product.id} variants={variants} />
          <WishlistButton productId={product.id} signedIn={signedIn} returnTo={`/p/${product.slug}`} />
          {product.description ? <p className="product-description">{product.description}</p> : null}
        </div>
      </div>
      <section className="stack" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews</h2>
        <ReviewList reviews={reviews.items} />
        <ReviewForm productId={product.id} signedIn={signedIn} returnTo={`/p/${product.slug}`} />
      </section>
    </div>
  );
}
