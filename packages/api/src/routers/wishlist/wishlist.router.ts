import { z } from "zod";
import { id } from "../../lib/schemas";
import { productCardSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const wishlistRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) =>
    ctx.db.wishlistItem.findMany({
      where: { userId: ctx.session.user.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, createdAt: true, variantId: true, product: { select: productCardSelect } },
    }),
  ),

  /** Adding twice is not an error: the wish is already there. */
  add: protectedProcedure.input(z.object({ productId: id, variantId: id.optional() })).mutation(async ({ ctx, input }) => {
    const userId = ctx.session.user.id;
    await ctx.db.wishlistItem.upsert({
      where: { userId_productId: { userId, productId: input.productId } },
      create: { userId, productId: input.productId, variantId: input.variantId },
      update: { variantId: input.variantId },
    });
    return { productId: input.productId };
  }),

  remove: protectedProcedure.input(z.object({ productId: id })).mutation(async ({ ctx, input }) => {
    await ctx.db.wishlistItem.deleteMany({ where: { userId: ctx.session.user.id, productId: input.productId } });
    return { productId: input.productId };
  }),
});
