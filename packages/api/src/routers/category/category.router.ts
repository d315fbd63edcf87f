import { z } from "zod";
import { cached } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { slug } from "../../lib/schemas";
import { categorySelect } from "../../lib/selects";
import { tags } from "../../lib/cache";
import { createTRPCRouter, publicProcedure } from "../../trpc";

/**
 * Every active category, flat (build the tree from parentId), with the count of its
 * own active products (a column triggers on Product keep, not a count per miss).
 * product.list resolves a category slug from this same cache entry.
 */
export const activeCategories = cached(
  { name: "category.list", tags: () => [tags.categories, tags.catalog], replica: true },
  async ({ ctx }) => {
    const categories = await ctx.db.category.findMany({
      where: { isActive: true },
      select: { ...categorySelect, activeProductCount: true },
      orderBy: [{ parentId: "asc" }, { position: "asc" }, { name: "asc" }],
    });
    return categories.map(({ activeProductCount, ...category }) => ({ ...category, productCount: activeProductCount }));
  },
);

export const categoryRouter = createTRPCRouter({
  list: publicProcedure.query(activeCategories),

  bySlug: publicProcedure.input(z.object({ slug })).query(
    cached({ name: "category.bySlug", tags: () => [tags.categories, tags.catalog], replica: true }, async ({ ctx, input }) => {
      const category = await ctx.db.category.findFirst({
        where: { slug: input.slug, isActive: true },
        select: {
          ...categorySelect,
          parent: { select: { id: true, name: true, slug: true } },
          children: { where: { isActive: true }, select: categorySelect, orderBy: { position: "asc" } },
        },
      });
      if (!category) throw notFound("Category");
      return category;
    }),
  ),
});
