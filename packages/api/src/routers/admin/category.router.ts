import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { id } from "../../lib/schemas";
import { categorySelect } from "../../lib/selects";
import { tags } from "../../lib/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { createCategoryInput, updateCategoryInput } from "./category.schema";

export const adminCategoryRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) =>
    ctx.db.category.findMany({ select: { ...categorySelect, isActive: true }, orderBy: [{ parentId: "asc" }, { position: "asc" }] }),
  ),

  create: adminProcedure.input(createCategoryInput).mutation(async ({ ctx, input }) => {
    const category = await ctx.db.category.create({ data: input, select: categorySelect });
    await invalidate(ctx, [tags.categories, tags.catalog]);
    return category;
  }),

  update: adminProcedure.input(updateCategoryInput).mutation(async ({ ctx, input: { id, ...data } }) => {
    if (data.parentId === id) throw new TRPCError({ code: "BAD_REQUEST", message: "A category cannot be its own parent" });
    const category = await ctx.db.category.update({ where: { id }, data, select: categorySelect });
    await invalidate(ctx, [tags.categories, tags.catalog]);
    return category;
  }),

  /** Only an empty category goes: one with products or children is a CONFLICT. */
  delete: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const inUse = await ctx.db.category.findUnique({
      where: { id: input.id },
      select: { _count: { select: { products: true, children: true } } },
    });
    if (inUse && (inUse._count.products || inUse._count.children)) {
      throw new TRPCError({ code: "CONFLICT", message: "Move or remove its products and subcategories first" });
    }
    await ctx.db.category.delete({ where: { id: input.id } });
    await invalidate(ctx, [tags.categories, tags.catalog]);
    return { id: input.id };
  }),
});
