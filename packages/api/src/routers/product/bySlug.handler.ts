import type { Context } from "../../context";
import { notFound } from "../../lib/errors";
import { categorySelect, variantSelect } from "../../lib/selects";
import { availableStock } from "../../lib/stock";

/** An active product with its variants, what is available of each, and its rating. */
export async function productBySlug(ctx: Context, slug: string) {
  const product = await ctx.db.product.findFirst({
    where: { slug, status: "ACTIVE" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      price: true,
      compareAtPrice: true,
      currency: true,
      images: true,
      category: { select: categorySelect },
      variants: { where: { isActive: true }, select: variantSelect, orderBy: [{ position: "asc" }, { price: "asc" }] },
    },
  });
  if (!product) throw notFound("Product");
  const rating = await ctx.db.review.aggregate({
    where: { productId: product.id, status: "APPROVED" },
    _avg: { rating: true },
    _count: { _all: true },
  });
  const variants = product.variants.map(({ inventory, ...variant }) => {
    const available = availableStock(inventory);
    return { ...variant, available, inStock: available > 0 };
  });
  return {
    ...product,
    variants,
    inStock: variants.some((variant) => variant.inStock),
    rating: { average: rating._avg.rating === null ? null : Math.round(rating._avg.rating * 10) / 10, count: rating._count._all },
  };
}
