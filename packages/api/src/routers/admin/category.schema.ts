import { z } from "zod";
import { id, slug } from "../../lib/schemas";

export const categoryFields = z.object({
  name: z.string().trim().min(1).max(120),
  slug,
  description: z.string().trim().max(2_000).optional(),
  parentId: id.nullish(),
  position: z.number().int().min(0).max(10_000),
  isActive: z.boolean(),
});

export const createCategoryInput = categoryFields.extend({
  position: categoryFields.shape.position.default(0),
  isActive: categoryFields.shape.isActive.default(true),
});

export const updateCategoryInput = categoryFields.partial().extend({ id });
