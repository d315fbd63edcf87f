import { z } from "zod";
import { cached } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { cursor, id, limit } from "../../lib/schemas";
import { reviewSelect } from "../../lib/selects";
import { tags } from "../../lib/cache";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../../trpc";
import { pageArgs, toPage } from "../../lib/pagination";
import { reviewCreateInput } from "./review.schema";
import { paidOrderStatuses } from "../../lib/lifecycle";


export const reviewRouter = createTRPCRouter({
  /** Approved reviews of a product, newest first. */
  list: publicProcedure.input(z.object({ productId: id, cursor, limit })).query(
    cached({ name: "review.list", tags: (input) => [tags.reviews(input.productId)], replica: true }, async ({ ctx, input }) => {
      const reviews = await ctx.db.review.findMany({
        where: { productId: input.productId, status: "APPROVED" },
        select: reviewSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(reviews, input.limit);
    }),
  ),

  /** One review per customer and product; it waits for moderation before it shows. */
  create: protectedProcedure
    .input(reviewCreateInput)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.session.user.id;
      const product = await ctx.db.product.findFirst({ where: { id: input.productId, status: "ACTIVE" }, select: { id: true } });
      if (!product) throw notFound("Product");
      const purchased = await ctx.db.orderItem.count({
        where: { productId: product.id, order: { userId, status: { in: [...paidOrderStatuses] } } },
      });
      return ctx.db.review.create({ data: { ...input, userId, verifiedPurchase: purchased > 0, createdAt: ctx.clock() }, select: reviewSelect });
    }),
});
