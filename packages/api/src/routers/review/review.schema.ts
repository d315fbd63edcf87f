import { z } from "zod";
import { id } from "../../lib/schemas";

export const reviewCreateInput = z.object({
  productId: id,
  rating: z.number().int().min(1).max(5),
  title: z.string().trim().max(120).optional(),
  body: z.string().trim().max(5_000).optional(),
});
