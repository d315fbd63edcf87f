import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";
import Link from "next/link";

export type ProductCardData = RouterOutputs["product"]["list"]["items"][number];

/** Shown for a product without pictures (served by app/images/products/[file]). */
export const PLACEHOLDER_IMAGE = "/images/products/placeholder.jpg";

/**
 * What the card strikes through, and whether it says "Sale" (docs/data-model.md, "Prices"):
 * the product's compare-at price when above the shown price, else the compare-at price
 * of the cheapest variant on sale when that variant is the one whose price is shown; a
 * dearer variant on sale gives the badge alone, since its old price is not this price's.
 */
function sale(product: ProductCardData): { was: ProductCardData["minPrice"] | null; badge: boolean } {
  const [variant] = product.variants;
  if (product.compareAtPrice?.gt(product.minPrice)) return { was: product.compareAtPrice, badge: true };
  if (variant?.price.eq(product.minPrice)) return { was: variant.compareAtPrice, badge: true };
  return { was: null, badge: Boolean(variant) };
}

/**
 * One product in a grid: picture, name, category and price; the whole card links to the
 * product. The price is the cheapest active variant's ("from" when the variants differ);
 * a sale strikes its regular price through, with a badge.
 */
export function ProductCard({ product }: { product: ProductCardData }) {
  const varies = !product.minPrice.eq(product.maxPrice);
  const { was, badge } = sale(product);
  return (
    <Link href={`/p/${product.slug}`} className="card product-card">
      {/* Plain <img>: catalogue images are arbitrary URLs, not build-time assets. */}
      <img src={product.images[0] ?? PLACEHOLDER_IMAGE} alt="" loading="lazy" />
      <h3>{product.name}</h3>
      {product.category ? <p className="muted product-card-category">{product.category.name}</p> : null}
      {product.status === "ACTIVE" ? null : <span className="badge badge-danger">No longer available</span>}
      <p className="row product-card-price">
        <span className="price">
          {varies ? "From " : null}
          {formatMoney(product.minPrice, product.currency)}
        </span>
        {was ? (
          <s className="muted">
            <span className="visually-hidden">Was </span>
            {formatMoney(was, product.currency)}
          </s>
        ) : null}
        {badge ? <span className="badge badge-sale">Sale</span> : null}
      </p>
    </Link>
  );
}

export function ProductGrid({ products }: { products: ProductCardData[] }) {
  return (
    <div className="grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </div>
  );
}
