import { Prisma } from "@shop/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../../context";
import { notFound } from "../../lib/errors";
import { id, quantity } from "../../lib/schemas";
import { newId } from "../../lib/sql";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { priceCart } from "./get-cart";
import { findGuestCart, MAX_PER_LINE, openGuestCart, ownerColumn, type CartOwner } from "./guest-cart";

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

/**
 * Whose cart: signed in, the account's; signed out where the app offers guest carts
 * (the storefront), the visitor's guest cart, found through its cookie (`owner()`,
 * null while there is none) or made on first write (`openOwner()`); elsewhere
 * UNAUTHORIZED, as before guest carts.
 */
const cartProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = await ctx.getSession();
  if (session?.user) {
    const owner: CartOwner = { userId: session.user.id };
    return next({ ctx: { ...ctx, owner: () => Promise.resolve<CartOwner | null>(owner), openOwner: () => Promise.resolve(owner) } });
  }
  const cookie = ctx.guestCart;
  if (!cookie) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, owner: () => findGuestCart(ctx, cookie), openOwner: () => openGuestCart(ctx, cookie) } });
}).meta({ access: "customer-or-guest" });

/**
 * Adds to the line (or makes it) in one statement, only for a variant on sale and only
 * up to MAX_PER_LINE in all; false when it wrote nothing. One statement instead of a
 * check, a read and an upsert: cheaper, and two tabs adding at once cannot pass the
 * limit together.
 */
async function addToCart(ctx: Context, owner: CartOwner, input: z.infer<typeof line>): Promise<boolean> {
  const now = new Date();
  const { column, id: ownerId } = ownerColumn(owner);
  const written = await ctx.db.$executeRaw`
    INSERT INTO "CartItem" (id, ${column}, "variantId", quantity, "createdAt", "updatedAt")
    SELECT ${newId}, ${ownerId}, v.id, ${input.quantity}::int, ${now}::timestamp(3), ${now}::timestamp(3)
      FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
     WHERE v.id = ${input.variantId} AND v."isActive" AND p.status = 'ACTIVE'
    ON CONFLICT (${column}, "variantId") DO UPDATE
       SET quantity = "CartItem".quantity + EXCLUDED.quantity, "updatedAt" = EXCLUDED."updatedAt"
     WHERE "CartItem".quantity + EXCLUDED.quantity <= ${MAX_PER_LINE}`;
  return written > 0;
}

/** An owner's lines, narrowed to one variant when given (Prisma's where for CartItem). */
const linesOf = (owner: CartOwner, variantId?: string) => ({ ...owner, ...(variantId ? { variantId } : {}) }) satisfies Prisma.CartItemWhereInput;

export const cartRouter = createTRPCRouter({
  get: cartProcedure.query(async ({ ctx }) => priceCart(ctx, await ctx.owner())),

  add: cartProcedure.input(line).mutation(async ({ ctx, input }) => {
    const owner = await ctx.openOwner();
    if (!(await addToCart(ctx, owner, input))) {
      // Nothing written: find out why (only this rare path pays for the second read).
      await requireSellableVariant(ctx, input.variantId);
      throw new TRPCError({ code: "BAD_REQUEST", message: `At most ${MAX_PER_LINE} of one item per cart` });
    }
    return priceCart(ctx, owner);
  }),

  update: cartProcedure.input(line).mutation(async ({ ctx, input }) => {
    const owner = await ctx.owner();
    const { count } = owner ? await ctx.db.cartItem.updateMany({ where: linesOf(owner, input.variantId), data: { quantity: input.quantity } }) : { count: 0 };
    if (!count) throw notFound("Cart item");
    return priceCart(ctx, owner);
  }),

  remove: cartProcedure.input(z.object({ variantId: id })).mutation(async ({ ctx, input }) => {
    const owner = await ctx.owner();
    if (owner) await ctx.db.cartItem.deleteMany({ where: linesOf(owner, input.variantId) });
    return priceCart(ctx, owner);
  }),

  clear: cartProcedure.mutation(async ({ ctx }) => {
    const owner = await ctx.owner();
    if (owner) await ctx.db.cartItem.deleteMany({ where: linesOf(owner) });
    return priceCart(ctx, owner);
  }),
});
