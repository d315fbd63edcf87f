import { createProductInput, productFields } from "@shop/api/schemas";
import { z } from "zod";

/** An optional price as a form holds it: left empty it is null (no compare-at price). */
export const blankAsNull = <T extends z.ZodType>(schema: T) => z.union([z.literal("").transform(() => null), schema]);

/**
 * The API's product input as a form fills it: the compare-at price may be left empty
 * (no sale price); images are the uploaded pictures' URLs. Every value still passes
 * through the API's own rules.
 */
export const productFormSchema = createProductInput.omit({ sku: true, currency: true }).extend({
  compareAtPrice: blankAsNull(productFields.shape.compareAtPrice),
  slug: productFields.shape.slug,
  images: productFields.shape.images,
});

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFormOutput = z.output<typeof productFormSchema>;
