import { afterAll, describe, expect, it } from "vitest";
import { prisma, Prisma } from "@shop/db";
import { recordingPrismaClient } from "@shop/db/testing";
import { createInnerContext } from "../../context";
import { categorySelect, variantSelect } from "../../lib/selects";
import { availableStock } from "../../lib/stock";
import { createProduct, createUser, errorCode } from "../../test/helpers";
import { productBySlug } from "./bySlug.handler";

const recorder = recordingPrismaClient();
afterAll(() => recorder.db.$disconnect());

/** The handler on a client that records every statement it sends. */
async function bySlugCounted(slug: string) {
  recorder.statements.length = 0;
  const result = await productBySlug(createInnerContext({ session: null, db: recorder.db }), slug).catch((error: unknown) => error);
  return { result, statements: [...recorder.statements] };
}

/** The product as Prisma's nested select and aggregate read it (the handler's former five statements). */
async function throughPrisma(slug: string) {
  const { variants, ...product } = await prisma.product.findFirstOrThrow({
    where: { slug, status: "ACTIVE" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      price: true,
      minPrice: true,
      maxPrice: true,
      compareAtPrice: true,
      currency: true,
      images: true,
      category: { select: categorySelect },
      variants: { where: { isActive: true }, select: variantSelect, orderBy: [{ position: "asc" }, { price: "asc" }] },
    },
  });
  const rating = await prisma.review.aggregate({ where: { productId: product.id, status: "APPROVED" }, _avg: { rating: true }, _count: { _all: true } });
  const shown = variants.map(({ inventory, ...variant }) => ({ ...variant, available: availableStock(inventory), inStock: availableStock(inventory) > 0 }));
  return {
    ...product,
    variants: shown,
    inStock: shown.some((variant) => variant.inStock),
    rating: { average: rating._avg.rating === null ? null : Math.round(rating._avg.rating * 10) / 10, count: rating._count._all },
  };
}

describe("product.bySlug", () => {
  it("reads product, category, variants, stock and rating in one statement, field for field as Prisma's select", async () => {
    const { product, variants } = await createProduct({ stock: 7, variants: 3, price: "12.50" });
    await prisma.product.update({ where: { id: product.id }, data: { compareAtPrice: "15.00", images: ["/a.jpg", "/b.jpg"] } });
    await prisma.productVariant.update({ where: { id: variants[1]!.id }, data: { options: { size: "M", colour: "navy" }, price: "13.99" } });
    await prisma.productVariant.update({ where: { id: variants[2]!.id }, data: { isActive: false } });
    // A variant with no Inventory row holds nothing.
    await prisma.productVariant.create({ data: { productId: product.id, sku: `${product.slug}-bare`, price: "9.00", position: 5 } });
    const ratings = [5, 4, 4];
    for (const [i, rating] of [...ratings, 1].entries()) {
      const user = await createUser();
      await prisma.review.create({ data: { userId: user.id, productId: product.id, rating, status: i < ratings.length ? "APPROVED" : "PENDING" } });
    }

    const { result, statements } = await bySlugCounted(product.slug);
    expect(statements).toHaveLength(1);
    const expected = await throughPrisma(product.slug);
    expect(result).toEqual(expected);
    expect(JSON.stringify(result)).toBe(JSON.stringify(expected)); // same keys in the same order
    expect(expected.rating).toEqual({ average: 4.3, count: 3 });
    expect(expected.variants.map((variant) => [variant.available, variant.inStock])).toEqual([[7, true], [7, true], [0, false]]);
    const shown = result as typeof expected;
    expect(shown.price).toBeInstanceOf(Prisma.Decimal);
    expect(shown.variants[1]!.price).toBeInstanceOf(Prisma.Decimal);
    expect(shown.variants[1]!.price.toFixed(2)).toBe("13.99");
    // The range of the active variants (12.50, 13.99, 9.00; not the inactive one), for "from" and a sale.
    expect([shown.minPrice.toFixed(2), shown.maxPrice.toFixed(2)]).toEqual(["9.00", "13.99"]);
  });

  it("answers an unknown or draft product NOT_FOUND after the one statement", async () => {
    const { product } = await createProduct();
    await prisma.product.update({ where: { id: product.id }, data: { status: "DRAFT" } });
    for (const slug of [product.slug, "no-such-product"]) {
      const { result, statements } = await bySlugCounted(slug);
      expect(statements).toHaveLength(1);
      expect(await errorCode(Promise.reject(result))).toBe("NOT_FOUND");
    }
  });
});
