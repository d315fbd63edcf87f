import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { tooPreciseFor } from "../../lib/currency";
import { badInput, notFound } from "../../lib/errors";
import { ruleMessages } from "../../lib/messages";
import { assertPricing, readSettings } from "../../lib/settings";
import { currency, cursor, id, limit, money, slug } from "../../lib/schemas";
import { createProductInput, generateVariantsInput, productFields, productStatus, updateProductInput, upsertVariantInput, variantFields } from "./product.schema";
import { slugFromName } from "../../lib/slug";
import { sameOptions, variantName } from "../../lib/variant-matrix";
import { transactionOptions } from "../../lib/transactions";
import { productCardSelect, variantSelect } from "../../lib/selects";
import { tags } from "../../lib/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { importProducts } from "./import-products";
import { pageArgs, toPage } from "../../lib/pagination";

const batchProduct = z.object({
  name: productFields.shape.name,
  slug,
  description: productFields.shape.description,
  price: money,
  /** One of `store.currencies`; `store.currency` when left out. */
  currency: currency.optional(),
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
    const settings = await readSettings(ctx);
    const currency = input.currency ?? settings["store.currency"];
    assertPricing(settings, currency, { price: input.price, compareAtPrice: input.compareAtPrice });
    const product = await ctx.db.product.create({ data: { ...input, slug: input.slug ?? slugFromName(input.name), currency }, select: adminProductSelect });
    await invalidate(ctx, [tags.catalog]);
    return product;
  }),

  /** A new currency applies to the product's variants too (their prices are kept as they are). */
  update: adminProcedure.input(updateProductInput).mutation(async ({ ctx, input: { id, ...data } }) => {
    const before = await ctx.db.product.findUnique({ where: { id }, select: { slug: true, currency: true, variants: { select: { price: true } } } });
    if (!before) throw notFound("Product");
    if (data.currency !== undefined || data.price !== undefined || data.compareAtPrice !== undefined) {
      const currency = data.currency ?? before.currency;
      assertPricing(await readSettings(ctx), currency, { price: data.price, compareAtPrice: data.compareAtPrice });
      const finer = before.variants.find((variant) => tooPreciseFor(variant.price.toFixed(), currency));
      if (finer) throw badInput(["currency"], `a variant's price ${finer.price.toFixed()} is finer than ${currency}'s minor unit`);
    }
    const product = await ctx.db.product.update({
      where: { id },
      data: { ...data, ...(data.currency !== undefined && { variants: { updateMany: { where: {}, data: { currency: data.currency } } } }) },
      select: adminProductSelect,
    });
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
   * and opening stock, in one statement. Idempotent: products whose slug exists
   * and variants whose SKU exists are skipped, so a re-run changes nothing.
   * Opening stock goes through the ledger as INITIAL rows.
   */
  createMany: adminProcedure.input(z.object({ products: z.array(batchProduct).min(1).max(500) })).mutation(async ({ ctx, input }) => {
    const settings = await readSettings(ctx);
    const products = input.products.map((product, index) => {
      const currency = product.currency ?? settings["store.currency"];
      assertPricing(settings, currency, { price: product.price }, ["products", index]);
      product.variants.forEach((variant, position) => assertPricing(settings, currency, { price: variant.price }, ["products", index, "variants", position]));
      return { ...product, currency };
    });
    // One statement, so atomic without an interactive transaction.
    const result = await importProducts(ctx.db, products, ctx.session.user.id);
    if (result.createdProducts || result.createdVariants) await invalidate(ctx, [tags.catalog]);
    return result;
  }),

  /**
   * With an id, replaces that variant's fields: its product is fixed at creation (moving
   * a stocked variant would corrupt both products' stock), so another `productId` is a
   * BAD_REQUEST. Without, adds one. A variant is priced in its product's currency.
   */
  upsertVariant: adminProcedure.input(upsertVariantInput).mutation(async ({ ctx, input: { id, productId, ...data } }) => {
    const select = { ...variantSelect, product: { select: { slug: true } } };
    const existing = id ? await ctx.db.productVariant.findUnique({ where: { id }, select: { compareAtPrice: true, product: { select: { id: true, currency: true } } } }) : null;
    const owner = id ? existing?.product : await ctx.db.product.findUnique({ where: { id: productId }, select: { id: true, currency: true } });
    if (!owner) throw notFound(id ? "Variant" : "Product");
    if (owner.id !== productId) throw badInput(["productId"], "a variant stays with the product it was created for");
    for (const field of ["price", "compareAtPrice"] as const) {
      const problem = data[field] ? tooPreciseFor(data[field], owner.currency) : null;
      if (problem) throw badInput([field], problem);
    }
    // The schema checked a compare-at price it was given; one kept from before is checked here.
    const kept = data.compareAtPrice === undefined ? existing?.compareAtPrice : null;
    if (kept && kept.lte(data.price)) throw badInput(["compareAtPrice"], ruleMessages.compareAtAbovePrice);
    const variant = id
      ? await ctx.db.productVariant.update({ where: { id }, data, select })
      : await ctx.db.productVariant.create({ data: { ...data, productId, currency: owner.currency, inventory: { create: {} } }, select });
    await invalidate(ctx, [tags.catalog, tags.product(variant.product.slug)]);
    return variant;
  }),

  /**
   * Adds the rows of an option matrix as variants, in one transaction: all or none.
   * Rows whose options an existing variant already has are skipped (that variant is
   * kept as it is); the rest follow the existing ones in position, priced in the
   * product's currency, with their opening stock written to the ledger. A SKU taken
   * by any variant is a CONFLICT, and nothing is created.
   */
  generateVariants: adminProcedure.input(generateVariantsInput).mutation(async ({ ctx, input }) => {
    const product = await ctx.db.product.findUnique({
      where: { id: input.productId },
      select: { slug: true, currency: true, variants: { select: { options: true, position: true } } },
    });
    if (!product) throw notFound("Product");
    input.variants.forEach((row, index) => {
      const problem = tooPreciseFor(row.price, product.currency);
      if (problem) throw badInput(["variants", index, "price"], problem);
    });
    const existing = product.variants.map((variant) => variant.options as Record<string, string>);
    const fresh = input.variants.filter((row) => !existing.some((options) => options && sameOptions(options, row.options)));
    let position = Math.max(-1, ...product.variants.map((variant) => variant.position));
    const created = await ctx.db.$transaction(async (tx) => {
      const variants = [];
      for (const { stock, ...row } of fresh) {
        const variant = await tx.productVariant.create({
          data: {
            ...row,
            name: row.name || variantName(row.options),
            productId: input.productId,
            currency: product.currency,
            position: ++position,
            // Opening stock goes through the ledger, whose trigger creates the inventory row.
            ...(stock > 0
              ? { stockMovements: { create: { delta: stock, reason: "INITIAL", note: "opening stock (variant matrix)", actorId: ctx.session.user.id } } }
              : { inventory: { create: {} } }),
          },
          select: { id: true },
        });
        variants.push(variant.id);
      }
      return variants;
    }, transactionOptions);
    if (created.length) await invalidate(ctx, [tags.catalog, tags.product(product.slug)]);
    return { created: created.length, skipped: input.variants.length - fresh.length };
  }),
});
