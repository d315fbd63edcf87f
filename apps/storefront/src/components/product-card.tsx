import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";
import Link from "next/link";

export type ProductCardData = RouterOutputs["product"]["list"]["items"][number];

/** Shown for a product without pictures (served by app/images/products/[file]). */
export const PLACEHOLDER_IMAGE = "/images/products/placeholder.jpg";

/**
 * One product in a grid: picture, name, category and price; the whole card links to the
 * product. The price is the cheapest active variant's ("from" when the variants differ);
 * a compare-at price above it is struck through, with a sale badge.
 */
export function ProductCard({ product }: { product: ProductCardData }) {
  const varies = !product.minPrice.eq(product.maxPrice);
  const onSale = product.compareAtPrice?.gt(product.minPrice) ? product.compareAtPrice : null;
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
        {onSale ? (
          <>
            <s className="muted">
              <span className="visually-hidden">Was </span>
              {formatMoney(onSale, product.currency)}
            </s>
            <span className="badge badge-sale">Sale</span>
          </>
        ) : null}
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
