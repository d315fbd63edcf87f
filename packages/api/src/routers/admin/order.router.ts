import { z } from "zod";
import { Prisma } from "@shop/db";
import { refundOrder, runMoneyStep, staffMoveOrder } from "../../lib/orders";
import { cursor, limit } from "../../lib/schemas";
import { orderSelect } from "../../lib/selects";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { orderStatus, refundOrderInput, updateOrderStatusInput } from "./order.schema";
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
   * Staff's moves along the order state machine (legal transitions only, checked
   * and applied atomically under the order's row lock). Cancelling returns the
   * stock and refunds what was captured.
   */
  updateStatus: staffProcedure.input(updateOrderStatusInput).mutation(async ({ ctx, input }) => {
    await runMoneyStep(ctx, async (tx) => ({
      result: undefined,
      effects: await staffMoveOrder(tx, input.id, input.status, ctx.session.user.id, ctx.clock()),
    }));
    return ctx.db.order.findUniqueOrThrow({ where: { id: input.id }, select: orderSelect });
  }),

  /**
   * Refunds a paid order in full (no amount) or in part, through the payment
   * provider; bounded by what its payments captured minus what was refunded.
   */
  refund: staffProcedure.input(refundOrderInput).mutation(async ({ ctx, input }) => {
    await runMoneyStep(ctx, async (tx) => ({
      result: undefined,
      effects: await refundOrder(tx, input.id, input.amount === undefined ? undefined : new Prisma.Decimal(input.amount), {
        reason: input.reason ?? "refund by staff",
        actorId: ctx.session.user.id,
        now: ctx.clock(),
      }),
    }));
    return ctx.db.order.findUniqueOrThrow({ where: { id: input.id }, select: orderSelect });
  }),
});
