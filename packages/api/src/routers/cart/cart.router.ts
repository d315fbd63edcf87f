import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../../context";
import { notFound } from "../../lib/errors";
import { id, quantity } from "../../lib/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { getCart } from "./get-cart";

async function requireSellableVariant(ctx: Context, variantId: string) {
  const variant = await ctx.db.productVariant.findUnique({
    where: { id: variantId },
    select: { id: true, isActive: true, product: { select: { status: true } } },
  });
  if (!variant) throw notFound("Variant");
  if (!variant.isActive || variant.product.status !== "ACTIVE") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This item is not for sale" });
  }
}

const line = z.object({ variantId: id, quantity });

export const cartRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => getCart(ctx)),

  add: protectedProcedure.input(line).mutation(async ({ ctx, input }) => {
    await requireSellableVariant(ctx, input.variantId);
    const userId = ctx.session.user.id;
    const existing = await ctx.db.cartItem.findUnique({ where: { userId_variantId: { userId, variantId: input.variantId } }, select: { quantity: true } });
    const total = (existing?.quantity ?? 0) + input.quantity;
    if (total > 1_000) throw new TRPCError({ code: "BAD_REQUEST", message: "At most 1000 of one item per cart" });
    await ctx.db.cartItem.upsert({
      where: { userId_variantId: { userId, variantId: input.variantId } },
      create: { userId, variantId: input.variantId, quantity: input.quantity },
      update: { quantity: { increment: input.quantity } },
    });
    return getCart(ctx);
  }),

  update: protectedProcedure.input(line).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.cartItem.updateMany({
      where: { userId: ctx.session.user.id, variantId: input.variantId },
      data: { quantity: input.quantity },
    });
    if (!count) throw notFound("Cart item");
    return getCart(ctx);
  }),

  remove: protectedProcedure.input(z.object({ variantId: id })).mutation(async ({ ctx, input }) => {
    await ctx.db.cartItem.deleteMany({ where: { userId: ctx.session.user.id, variantId: input.variantId } });
    return getCart(ctx);
  }),

  clear: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.cartItem.deleteMany({ where: { userId: ctx.session.user.id } });
    return getCart(ctx);
  }),
});
