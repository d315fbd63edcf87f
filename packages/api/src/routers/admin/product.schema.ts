import { z } from "zod";
import { ruleMessages } from "../../lib/messages";
import { currency, id, money, slug } from "../../lib/schemas";

export const productStatus = z.enum(["DRAFT", "ACTIVE", "ARCHIVED"]);

// No defaults here: an update must change only the fields it names.
export const productFields = z.object({
  name: z.string().trim().min(1).max(200),
  slug,
  description: z.string().trim().max(10_000).optional(),
  price: money,
  compareAtPrice: money.nullish(),
  currency,
  categoryId: id,
  images: z.array(z.string().trim().min(1).max(500)).max(20),
  status: productStatus,
  /** Optional base SKU: gives a simple product its default variant. */
  sku: z.string().trim().min(1).max(64).optional(),
});

export const createProductInput = productFields.extend({
  /** Made from the name (slugFromName) when left out. */
  slug: productFields.shape.slug.optional(),
  /** One of `store.currencies`; the shop's default currency (`store.currency`) when left out. */
  currency: productFields.shape.currency.optional(),
  images: productFields.shape.images.default([]),
  status: productFields.shape.status.default("DRAFT"),
});

export const updateProductInput = productFields.partial().extend({ id });

export const variantFields = z.object({
  productId: id,
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().max(120).optional(),
  options: z.record(z.string().max(40), z.string().max(80)).default({}),
  price: money,
  position: z.number().int().min(0).max(1_000).default(0),
  isActive: z.boolean().default(true),
});

/** A compare-at price, when there is one, is above the price (the API's rule and the forms'). */
export function compareAtAbovePrice(input: { price: string; compareAtPrice?: string | null }, ctx: z.RefinementCtx) {
  if (input.compareAtPrice && Number(input.compareAtPrice) <= Number(input.price)) {
    ctx.addIssue({ code: "custom", message: ruleMessages.compareAtAbovePrice, path: ["compareAtPrice"] });
  }
}

/**
 * With an id it replaces that variant; without, it adds one. A compare-at price left
 * out is kept as it is (null clears it); the handler checks a kept one against the price.
 */
export const upsertVariantFields = variantFields.extend({ id: id.optional(), compareAtPrice: money.nullish() });
export const upsertVariantInput = upsertVariantFields.superRefine(compareAtAbovePrice);

/**
 * `admin.product.generateVariants`: the rows of an option matrix, each with its own SKU,
 * price and opening stock. Rows whose options match an existing variant are skipped.
 */
export const generateVariantsInput = z.object({
  productId: id,
  variants: z
    .array(
      variantFields
        .pick({ sku: true, options: true, price: true })
        .extend({ name: variantFields.shape.name, stock: z.number().int().min(0, "cannot be negative").max(1_000_000).default(0) }),
    )
    .min(1, "add at least one option value")
    .max(100, "at most 100 variants at once")
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        if (seen.has(row.sku)) ctx.addIssue({ code: "custom", message: `SKU ${row.sku} is used twice`, path: [index, "sku"] });
        seen.add(row.sku);
      });
    }),
});
