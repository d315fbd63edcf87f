import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context, ProtectedContext } from "../../context";
import { notFound } from "../../lib/errors";
import { id, quantity } from "../../lib/schemas";
import { newId } from "../../lib/sql";
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
const MAX_PER_LINE = 1_000;

/**
 * Adds to the line (or makes it) in one statement, only for a variant on sale and only
 * up to MAX_PER_LINE in all; false when it wrote nothing. One statement instead of a
 * check, a read and an upsert: cheaper, and two tabs adding at once cannot pass the
 * limit together.
 */
async function addToCart(ctx: ProtectedContext, input: z.infer<typeof line>): Promise<boolean> {
  const now = new Date();
  const written = await ctx.db.$executeRaw`
    INSERT INTO "CartItem" (id, "userId", "variantId", quantity, "createdAt", "updatedAt")
    SELECT ${newId}, ${ctx.session.user.id}, v.id, ${input.quantity}::int, ${now}::timestamp(3), ${now}::timestamp(3)
      FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
     WHERE v.id = ${input.variantId} AND v."isActive" AND p.status = 'ACTIVE'
    ON CONFLICT ("userId", "variantId") DO UPDATE
       SET quantity = "CartItem".quantity + EXCLUDED.quantity, "updatedAt" = EXCLUDED."updatedAt"
     WHERE "CartItem".quantity + EXCLUDED.quantity <= ${MAX_PER_LINE}`;
  return written > 0;
}

export const cartRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => getCart(ctx)),

  add: protectedProcedure.input(line).mutation(async ({ ctx, input }) => {
    if (!(await addToCart(ctx, input))) {
      // Nothing written: find out why (only this rare path pays for the second read).
      await requireSellableVariant(ctx, input.variantId);
      throw new TRPCError({ code: "BAD_REQUEST", message: `At most ${MAX_PER_LINE} of one item per cart` });
    }
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
