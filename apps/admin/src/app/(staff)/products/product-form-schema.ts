import { createProductInput, productFields } from "@shop/api/schemas";
import { z } from "zod";

/**
 * The API's product input as a form fills it: the compare-at price may be left empty
 * (no sale price) and the images are typed one URL per line. Every value still passes
 * through the API's own rules.
 */
export const productFormSchema = createProductInput.omit({ sku: true, currency: true }).extend({
  compareAtPrice: z.union([z.literal("").transform(() => null), productFields.shape.compareAtPrice]),
  images: z
    .string()
    .transform((text) =>
      text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(productFields.shape.images),
});

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductFormOutput = z.output<typeof productFormSchema>;
