import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { cursor, limit } from "../../lib/schemas";
import { orderSelect } from "../../lib/selects";
import { transactionOptions, withRetries } from "../../lib/transactions";
import { tags } from "../../middleware/cache";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { canTransition, orderTransitions, statusTimestamps } from "./order-status";
import { orderStatus, updateOrderStatusInput } from "./order.schema";
import { pageArgs, toPage } from "../../lib/pagination";

export const adminOrderRouter = createTRPCRouter({
  list: staffProcedure
    .input(z.object({ status: orderStatus.optional(), q: z.string().trim().max(200).optional(), cursor, limit }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const number = input.q && /^\d+$/.test(input.q) ? Number(input.q) : undefined;
      const items = await ctx.db.order.findMany({
        where: {
          ...(input.status && { status: input.status }),
          ...(input.q && { OR: [{ email: { contains: input.q, mode: "insensitive" } }, ...(number ? [{ number }] : [])] }),
        },
        select: orderSelect,
        orderBy: [{ placedAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(items, input.limit);
    }),

  /**
   * Moves an order along the state machine (legal transitions only, checked and
   * applied atomically). Cancelling puts the stock back through the ledger.
   */
  updateStatus: staffProcedure.input(updateOrderStatusInput).mutation(async ({ ctx, input }) => {
    const slugs = await withRetries(() =>
      ctx.db.$transaction(async (tx) => {
        const order = await tx.order.findUnique({
          where: { id: input.id },
          select: { status: true, userId: true, number: true, items: { select: { variantId: true, quantity: true, product: { select: { slug: true } } } } },
        });
        if (!order) throw notFound("Order");
        if (!canTransition(order.status, input.status)) {
          const allowed = orderTransitions[order.status];
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: `A ${order.status} order cannot become ${input.status}${allowed.length ? ` (allowed: ${allowed.join(", ")})` : ""}`,
          });
        }
        const stamp = statusTimestamps[input.status];
        // Conditional on the status we read: a concurrent change makes this a no-op.
        const { count } = await tx.order.updateMany({
          where: { id: input.id, status: order.status },
          data: { status: input.status, ...(stamp && { [stamp]: new Date() }) },
        });
        if (!count) throw new TRPCError({ code: "CONFLICT", message: "The order changed meanwhile; reload and retry" });
        if (input.status === "CANCELLED") {
          // Same id order as checkout takes stock, so the two cannot deadlock.
          const restock = order.items
            .flatMap((item) => (item.variantId ? [{ variantId: item.variantId, quantity: item.quantity }] : []))
            .sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
          if (restock.length) {
            await tx.inventoryTransaction.createMany({
              data: restock.map((item) => ({ variantId: item.variantId, delta: item.quantity, reason: "CANCELLATION" as const, orderId: input.id, actorId: ctx.session.user.id })),
            });
          }
        }
        if (order.userId) {
          await tx.notification.create({
            data: {
              userId: order.userId,
              type: "ORDER_STATUS_CHANGED",
              title: `Order #${order.number} is ${input.status.toLowerCase()}`,
              body: `Your order #${order.number} is now ${input.status.toLowerCase()}.`,
              data: { orderId: input.id, status: input.status },
              emailStatus: "PENDING",
            },
          });
        }
        return order.items.flatMap((item) => (item.product ? [item.product.slug] : []));
      }, transactionOptions),
    );
    await invalidate(ctx, [tags.analytics, ...(input.status === "CANCELLED" ? [...new Set(slugs)].map(tags.product) : [])]);
    return ctx.db.order.findUniqueOrThrow({ where: { id: input.id }, select: orderSelect });
  }),
});
