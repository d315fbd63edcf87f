import { z } from "zod";
import { cursor, limit, money, slug } from "../../lib/schemas";

export const productListInput = z
  .object({
    categorySlug: slug.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    minPrice: money.optional(),
    maxPrice: money.optional(),
    sort: z.enum(["relevance", "newest", "price_asc", "price_desc", "name"]).default("newest"),
    cursor,
    limit,
  })
  .default({ sort: "newest", limit: 20 })
  .refine((input) => !input.minPrice || !input.maxPrice || Number(input.minPrice) <= Number(input.maxPrice), {
    message: "The lowest price can't be above the highest",
    path: ["minPrice"],
  });

export type ProductListInput = z.infer<typeof productListInput>;
