import { Prisma } from "@shop/db";
import type { Context } from "../../context";
import { notFound } from "../../lib/errors";
import type { categorySelect, variantSelect } from "../../lib/selects";
import { availableStock } from "../../lib/stock";

type Category = Prisma.CategoryGetPayload<{ select: typeof categorySelect }>;
type Variant = Prisma.ProductVariantGetPayload<{ select: typeof variantSelect }>;

interface ProductRow {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  price: Prisma.Decimal;
  minPrice: Prisma.Decimal;
  maxPrice: Prisma.Decimal;
  compareAtPrice: Prisma.Decimal | null;
  currency: string;
  images: string[];
  category: Category;
  // JSON carries no Decimal: prices arrive as their exact text.
  variants: (Omit<Variant, "price" | "compareAtPrice"> & { price: string; compareAtPrice: string | null })[];
  ratingAverage: number | null;
  ratingCount: number;
}

/**
 * An active product with its variants, what is available of each, and its rating, in
 * one statement (Prisma's nested select sent five, one after another): category by
 * join, variants with their inventory as a JSON array, the approved reviews'
 * aggregate from a lateral subquery. Fields are those of categorySelect/variantSelect.
 */
export async function productBySlug(ctx: Context, slug: string) {
  const [row] = await ctx.db.$queryRaw<ProductRow[]>`
    SELECT p.id, p.name, p.slug, p.description, p.price, p."minPrice", p."maxPrice", p."compareAtPrice", p.currency, p.images,
           json_build_object('id', c.id, 'name', c.name, 'slug', c.slug, 'description', c.description,
                             'parentId', c."parentId", 'position', c.position) AS category,
           variants.list AS variants, rating.average AS "ratingAverage", rating.count AS "ratingCount"
      FROM "Product" p
      JOIN "Category" c ON c.id = p."categoryId"
     CROSS JOIN LATERAL (
           SELECT COALESCE(json_agg(json_build_object(
                    'id', v.id, 'sku', v.sku, 'name', v.name, 'options', v.options, 'price', v.price::text, 'compareAtPrice', v."compareAtPrice"::text,
                    'currency', v.currency, 'position', v.position, 'isActive', v."isActive",
                    'inventory', CASE WHEN i."variantId" IS NULL THEN NULL
                                      ELSE json_build_object('onHand', i."onHand", 'reserved', i.reserved) END)
                    ORDER BY v.position, v.price, v.id), '[]') AS list
             FROM "ProductVariant" v LEFT JOIN "Inventory" i ON i."variantId" = v.id
            WHERE v."productId" = p.id AND v."isActive") variants
     CROSS JOIN LATERAL (
           SELECT avg(r.rating)::float8 AS average, count(*)::int AS count
             FROM "Review" r WHERE r."productId" = p.id AND r.status = 'APPROVED') rating
     WHERE p.slug = ${slug} AND p.status = 'ACTIVE'`;
  if (!row) throw notFound("Product");
  const { ratingAverage, ratingCount, ...product } = row;
  const variants = product.variants.map(({ inventory, ...variant }) => {
    const available = availableStock(inventory);
    const compareAtPrice = variant.compareAtPrice === null ? null : new Prisma.Decimal(variant.compareAtPrice);
    return { ...variant, price: new Prisma.Decimal(variant.price), compareAtPrice, available, inStock: available > 0 };
  });
  return {
    ...product,
    variants,
    inStock: variants.some((variant) => variant.inStock),
    rating: { average: ratingAverage === null ? null : Math.round(ratingAverage * 10) / 10, count: ratingCount },
  };
}
