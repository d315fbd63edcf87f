import type { RouterOutputs } from "@shop/api";
import { siteUrl, storeInfo } from "~/lib/seo";

type Product = RouterOutputs["product"]["bySlug"];
type Price = Product["price"];

const availability = (inStock: boolean) => `https://schema.org/${inStock ? "InStock" : "OutOfStock"}`;
// Prices are stored with 2 decimals (Decimal(12,2)); schema.org wants a plain number with a dot.
const amount = (price: Price) => price.toFixed(2);

/**
 * schema.org `Product` for search engines: one `Offer` when every variant costs the same,
 * else an `AggregateOffer` from the lowest to the highest price with each variant's
 * offer; `AggregateRating` once the product has approved reviews.
 */
export function productJsonLd(product: Product, context: { storeName: string; url: string; images: string[] }) {
  const variants = product.variants;
  const prices = variants.length ? variants.map((variant) => variant.price) : [product.price];
  const low = prices.reduce((min, price) => (price.lt(min) ? price : min));
  const high = prices.reduce((max, price) => (price.gt(max) ? price : max));
  const offerOf = (variant: Product["variants"][number]) => ({
    "@type": "Offer",
    sku: variant.sku,
    price: amount(variant.price),
    priceCurrency: variant.currency,
    availability: availability(variant.inStock),
    url: context.url,
  });
  const offers = low.eq(high)
    ? { "@type": "Offer", price: amount(low), priceCurrency: product.currency, availability: availability(product.inStock), url: context.url }
    : {
        "@type": "AggregateOffer",
        lowPrice: amount(low),
        highPrice: amount(high),
        offerCount: variants.length,
        priceCurrency: product.currency,
        availability: availability(product.inStock),
        offers: variants.map(offerOf),
      };
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    ...(product.description && { description: product.description }),
    // One variant: the product is that SKU; several: each offer names its own.
    ...(variants.length === 1 && { sku: variants[0]?.sku }),
    ...(context.images.length && { image: context.images }),
    url: context.url,
    brand: { "@type": "Brand", name: context.storeName },
    ...(product.category && { category: product.category.name }),
    offers,
    ...(product.rating.count > 0 && {
      aggregateRating: { "@type": "AggregateRating", ratingValue: product.rating.average, reviewCount: product.rating.count, bestRating: 5, worstRating: 1 },
    }),
  };
}

/**
 * JSON for inside a <script> element: `<`, `>` and `&` escaped as \u sequences (still
 * the same JSON), so no text in the data (a product named "</script><script>…") can
 * close the element or open another; U+2028/U+2029 too, for older JavaScript parsers.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The product's structured data, as a <script type="application/ld+json"> in the page. */
export async function ProductJsonLd({ product }: { product: Product }) {
  const { name } = await storeInfo();
  const data = productJsonLd(product, { storeName: name, url: siteUrl(`/p/${product.slug}`), images: product.images.map((image) => siteUrl(image)) });
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data) }} />;
}
