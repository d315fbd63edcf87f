import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { currency, cursor, id, limit, money, slug } from "../../lib/schemas";
import { createProductInput, productFields, productStatus, updateProductInput, upsertVariantInput, variantFields } from "./product.schema";
import { productCardSelect, variantSelect } from "../../lib/selects";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { importProducts } from "./import-products";
import { pageArgs, toPage } from "../../lib/pagination";

const batchProduct = z.object({
  name: productFields.shape.name,
  slug,
  description: productFields.shape.description,
  price: money,
  currency,
  categoryId: id,
  images: productFields.shape.images.default([]),
  status: productFields.shape.status.default("ACTIVE"),
  variants: z
    .array(variantFields.omit({ productId: true }).extend({ stock: z.number().int().min(0).max(1_000_000).default(0) }))
    .min(1)
    .max(50),
});

const adminProductSelect = { ...productCardSelect, description: true, sku: true, createdAt: true, updatedAt: true, variants: { select: variantSelect, orderBy: { position: "asc" as const } } };

export const adminProductRouter = createTRPCRouter({
  list: staffProcedure
    .input(z.object({ q: z.string().trim().max(200).optional(), status: productStatus.optional(), cursor, limit }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const items = await ctx.db.product.findMany({
        where: {
          ...(input.status && { status: input.status }),
          ...(input.q && { OR: [{ name: { contains: input.q, mode: "insensitive" } }, { sku: { equals: input.q } }, { slug: { startsWith: input.q } }] }),
        },
        select: productCardSelect,
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(items, input.limit);
    }),

  byId: staffProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const product = await ctx.db.product.findUnique({ where: { id: input.id }, select: adminProductSelect });
    if (!product) throw notFound("Product");
    return product;
  }),

  create: adminProcedure.input(createProductInput).mutation(async ({ ctx, input }) => {
    const product = await ctx.db.product.create({ data: input, select: adminProductSelect });
    await invalidate(ctx, [tags.catalog]);
    return product;
  }),

  update: adminProcedure.input(updateProductInput).mutation(async ({ ctx, input: { id, ...data } }) => {
    const before = await ctx.db.product.findUnique({ where: { id }, select: { slug: true } });
    if (!before) throw notFound("Product");
    const product = await ctx.db.product.update({ where: { id }, data, select: adminProductSelect });
    await invalidate(ctx, [tags.catalog, tags.product(before.slug), tags.product(product.slug)]);
    return product;
  }),

  /** Products with history are archived, never deleted: orders and the ledger refer to them. */
  archive: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const product = await ctx.db.product.update({ where: { id: input.id }, data: { status: "ARCHIVED" }, select: adminProductSelect });
    await invalidate(ctx, [tags.catalog, tags.product(product.slug)]);
    return product;
  }),

  /**
   * Batch import (seeding, catalog feeds): up to 500 products with their variants
   * and opening stock, in one transaction. Idempotent: products whose slug exists
   * and variants whose SKU exists are skipped, so a re-run changes nothing.
   * Opening stock goes through the ledger as INITIAL rows.
   */
  createMany: adminProcedure.input(z.object({ products: z.array(batchProduct).min(1).max(500) })).mutation(async ({ ctx, input }) => {
    const result = await ctx.db.$transaction(
      (tx) => importProducts(tx, input.products, ctx.session.user.id),
      { maxWait: 15_000, timeout: 120_000 },
    );
    if (result.createdProducts || result.createdVariants) await invalidate(ctx, [tags.catalog]);
    return result;
  }),

  upsertVariant: adminProcedure.input(upsertVariantInput).mutation(async ({ ctx, input: { id, ...data } }) => {
    const variant = id
      ? await ctx.db.productVariant.update({ where: { id }, data, select: { ...variantSelect, product: { select: { slug: true } } } })
      : await ctx.db.productVariant.create({
          data: { ...data, inventory: { create: {} } },
          select: { ...variantSelect, product: { select: { slug: true } } },
        });
    await invalidate(ctx, [tags.catalog, tags.product(variant.product.slug)]);
    return variant;
  }),
});
