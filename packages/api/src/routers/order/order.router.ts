import { z } from "zod";
import { notFound } from "../../lib/errors";
import { cursor, id, limit } from "../../lib/schemas";
import { orderSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { checkout } from "./checkout.handler";
import { checkoutInput } from "./checkout.schema";
import { quote } from "./quote.handler";
import { quoteInput } from "./quote.schema";
import { pageArgs, toPage } from "../../lib/pagination";

export const orderRouter = createTRPCRouter({
  /** What checkout would charge now: read as the address and method change, before anything is placed. */
  quote: protectedProcedure.input(quoteInput).query(({ ctx, input }) => quote(ctx, input)),

  checkout: protectedProcedure.input(checkoutInput).mutation(({ ctx, input }) => checkout(ctx, input)),

  list: protectedProcedure.input(z.object({ cursor, limit }).default({ limit: 20 })).query(async ({ ctx, input }) => {
    const orders = await ctx.db.order.findMany({
      where: { userId: ctx.session.user.id },
      select: orderSelect,
      orderBy: [{ placedAt: "desc" }, { id: "desc" }],
      ...pageArgs(input),
    });
    return toPage(orders, input.limit);
  }),

  /** Only the caller's own orders: someone else's order is NOT_FOUND, not FORBIDDEN. */
  byId: protectedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const order = await ctx.db.order.findFirst({ where: { id: input.id, userId: ctx.session.user.id }, select: orderSelect });
    if (!order) throw notFound("Order");
    return order;
  }),
});
