import { createProductInput, productFields } from "@shop/api/schemas";
import { z } from "zod";

/**
 * The API's product input as a form fills it: the compare-at price may be left empty
 * (no sale price); images are the uploaded pictures' URLs. Every value still passes
 * through the API's own rules.
 */
export const productFormSchema = createProductInput.omit({ sku: true, currency: true }).extend({
  compareAtPrice: z.union([z.literal("").transform(() => null), productFields.shape.compareAtPrice]),
  slug: productFields.shape.slug,
  images: productFields.shape.images,
});

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFormOutput = z.output<typeof productFormSchema>;
