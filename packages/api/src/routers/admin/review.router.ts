import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { cursor, limit } from "../../lib/schemas";
import { staffReviewSelect } from "../../lib/selects";
import { tags } from "../../lib/cache";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { pageArgs, toPage } from "../../lib/pagination";
import { moderateReviewInput, reviewStatus } from "./review.schema";

export const adminReviewRouter = createTRPCRouter({
  list: staffProcedure
    .input(z.object({ status: reviewStatus.default("PENDING"), cursor, limit }).default({ status: "PENDING", limit: 20 }))
    .query(async ({ ctx, input }) => {
      const items = await ctx.db.review.findMany({
        where: { status: input.status },
        select: { ...staffReviewSelect, product: { select: { name: true, slug: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...pageArgs(input),
      });
      return toPage(items, input.limit);
    }),

  moderate: staffProcedure
    .input(moderateReviewInput)
    .mutation(async ({ ctx, input }) => {
      const review = await ctx.db.review.update({
        where: { id: input.id },
        data: { status: input.status, moderatedById: ctx.session.user.id, moderatedAt: ctx.clock() },
        select: { ...staffReviewSelect, product: { select: { slug: true, name: true } } },
      });
      await ctx.db.notification.create({
        data: {
          userId: review.user.id,
          type: "REVIEW_MODERATED",
          title: `Your review of ${review.product.name} was ${input.status.toLowerCase()}`,
          body: input.status === "APPROVED" ? "It is now visible to other customers." : "It did not meet our review guidelines.",
          data: { reviewId: review.id },
        },
      });
      await invalidate(ctx, [tags.reviews(review.productId), tags.product(review.product.slug)]);
      return review;
    }),
});
