import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";
import Link from "next/link";

export type ProductCardData = RouterOutputs["product"]["list"]["items"][number];

/** Shown for a product without pictures (served by app/images/products/[file]). */
export const PLACEHOLDER_IMAGE = "/images/products/placeholder.jpg";

/** One product in a grid: picture, name, category and price; the whole card links to the product. */
export function ProductCard({ product }: { product: ProductCardData }) {
  return (
    <Link href={`/p/${product.slug}`} className="card product-card">
      {/* Plain <img>: catalogue images are arbitrary URLs, not build-time assets. */}
      <img src={product.images[0] ?? PLACEHOLDER_IMAGE} alt="" loading="lazy" />
      <h3>{product.name}</h3>
      {product.category ? <p className="muted product-card-category">{product.category.name}</p> : null}
      {product.status === "ACTIVE" ? null : <span className="badge badge-danger">No longer available</span>}
      <p className="row">
        <span className="price">{formatMoney(product.price, product.currency)}</span>
        {product.compareAtPrice ? <s className="muted">{formatMoney(product.compareAtPrice, product.currency)}</s> : null}
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
