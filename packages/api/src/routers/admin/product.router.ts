import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { currency, cursor, id, limit, money, slug } from "../../lib/schemas";
import { productCardSelect, variantSelect } from "../../lib/selects";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { importProducts } from "./import-products";
import { pageArgs, toPage } from "../../lib/pagination";

// No defaults here: an update must change only the fields it names.
const productFields = z.object({
  name: z.string().trim().min(1).max(200),
  slug,
  description: z.string().trim().max(10_000).optional(),
  price: money,
  compareAtPrice: money.nullish(),
  currency: currency.unwrap(),
  categoryId: id,
  images: z.array(z.string().trim().min(1).max(500)).max(20),
  status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]),
  /** Optional base SKU: gives a simple product its default variant. */
  sku: z.string().trim().min(1).max(64).optional(),
});
const createProductInput = productFields.extend({
  currency,
  images: productFields.shape.images.default([]),
  status: productFields.shape.status.default("DRAFT"),
});

const variantFields = z.object({
  productId: id,
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().max(120).optional(),
  options: z.record(z.string().max(40), z.string().max(80)).default({}),
  price: money,
  position: z.number().int().min(0).max(1_000).default(0),
  isActive: z.boolean().default(true),
});

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
    .input(z.object({ q: z.string().trim().max(200).optional(), status: z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]).optional(), cursor, limit }).default({ limit: 20 }))
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

  update: adminProcedure.input(productFields.partial().extend({ id })).mutation(async ({ ctx, input: { id, ...data } }) => {
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

  upsertVariant: adminProcedure.input(variantFields.extend({ id: id.optional() })).mutation(async ({ ctx, input: { id, ...data } }) => {
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
