import { randomBytes } from "node:crypto";
import { env, Prisma, type PrismaClient } from "@shop/db";
import type { Context, GuestCartCookie } from "../../context";
import { newId } from "../../lib/sql";

/** Whose cart a call reads or writes: an account's, or a signed-out visitor's guest cart. */
export type CartOwner = { userId: string } | { guestCartId: string };

/** The most units of one variant a cart line may hold (cart.add refuses more; merging caps at it). */
export const MAX_PER_LINE = 1_000;

/** How long a guest cart lives after its last change (the cookie lives as long). */
export const GUEST_CART_TTL_MS = 30 * 24 * 3600 * 1000;

// 32 random bytes, base64url: unguessable, and the only thing that names a guest cart.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const newToken = () => randomBytes(32).toString("base64url");

/**
 * The guest-cart cookie of the storefront: httpOnly (scripts never see the token),
 * SameSite=Lax, `__Secure-` and Secure when the storefront is served over HTTPS,
 * named like the storefront's Auth.js cookies.
 */
export function guestCartCookie() {
  const secure = env().STOREFRONT_URL.startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}shop-storefront.guest-cart`, secure };
}

/** A cookie's value in a request's Cookie header, or null. */
export function readCookie(headers: Headers, name: string): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return null;
}

/** The Set-Cookie value that stores `token` (or, with null, deletes the cookie). */
export function guestCartSetCookie(token: string | null): string {
  const { name, secure } = guestCartCookie();
  const maxAge = token ? Math.floor(GUEST_CART_TTL_MS / 1000) : 0;
  return `${name}=${token ?? ""}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The guest cart a request's cookie names, with the answer's headers to renew it on (absent in server components). */
export function guestCartFromRequest(headers: Headers, resHeaders?: Headers): GuestCartCookie {
  return {
    token: readCookie(headers, guestCartCookie().name),
    set: resHeaders ? (token) => resHeaders.append("Set-Cookie", guestCartSetCookie(token)) : undefined,
  };
}

const wellFormed = (token: string | null): token is string => token !== null && TOKEN.test(token);

/** The live guest cart the cookie names, or null (none, expired, or a token we never issued). */
export async function findGuestCart(ctx: Pick<Context, "db" | "clock">, cookie: GuestCartCookie): Promise<CartOwner | null> {
  if (!wellFormed(cookie.token)) return null;
  const live = await ctx.db.guestCart.findFirst({ where: { id: cookie.token, expiresAt: { gt: ctx.clock() } }, select: { id: true } });
  return live ? { guestCartId: live.id } : null;
}

/**
 * The guest cart to write to: the cookie's, its expiry pushed forward, or a new one
 * with a new cookie. A token that names no live cart is never adopted (a visitor
 * cannot choose a cart id someone else might be handed).
 */
export async function openGuestCart(ctx: Pick<Context, "db" | "clock">, cookie: GuestCartCookie): Promise<CartOwner> {
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + GUEST_CART_TTL_MS);
  if (wellFormed(cookie.token)) {
    const { count } = await ctx.db.guestCart.updateMany({ where: { id: cookie.token, expiresAt: { gt: now } }, data: { expiresAt } });
    if (count) {
      cookie.set?.(cookie.token);
      return { guestCartId: cookie.token };
    }
  }
  const id = newToken();
  await ctx.db.guestCart.create({ data: { id, expiresAt }, select: { id: true } });
  cookie.set?.(id);
  return { guestCartId: id };
}

/**
 * Moves a guest cart's lines into a user's cart, in one transaction, and deletes the
 * guest cart: quantities of the same variant are summed, then capped by the stock
 * available now and by MAX_PER_LINE, never below what the account's line already held.
 * Lines with nothing available, or no longer for sale, are not carried over.
 * Idempotent: a second call (or a concurrent one, which waits on the guest cart's
 * row lock) finds no guest cart and does nothing. Returns the number of lines merged.
 */
export async function mergeGuestCart(db: PrismaClient, token: string | null, userId: string, now = new Date()): Promise<number> {
  if (!wellFormed(token)) return 0;
  return db.$transaction(async (tx) => {
    const [guest] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "GuestCart" WHERE id = ${token} AND "expiresAt" > ${now}::timestamp(3) FOR UPDATE`;
    if (!guest) return 0;
    const merged = await tx.$executeRaw`
      INSERT INTO "CartItem" (id, "userId", "variantId", quantity, "createdAt", "updatedAt")
      SELECT ${newId}, ${userId}, c."variantId",
             LEAST(c.quantity, GREATEST(coalesce(i."onHand", 0) - coalesce(i.reserved, 0), 0), ${MAX_PER_LINE}::int),
             c."createdAt", ${now}::timestamp(3)
        FROM "CartItem" c
        JOIN "ProductVariant" v ON v.id = c."variantId"
        JOIN "Product" p ON p.id = v."productId"
        LEFT JOIN "Inventory" i ON i."variantId" = v.id
       WHERE c."guestCartId" = ${guest.id} AND v."isActive" AND p.status = 'ACTIVE'
         AND coalesce(i."onHand", 0) - coalesce(i.reserved, 0) > 0
      ON CONFLICT ("userId", "variantId") DO UPDATE
         SET quantity = GREATEST("CartItem".quantity,
                                 LEAST("CartItem".quantity + EXCLUDED.quantity,
                                       (SELECT i."onHand" - i.reserved FROM "Inventory" i WHERE i."variantId" = EXCLUDED."variantId"),
                                       ${MAX_PER_LINE}::int)),
             "updatedAt" = EXCLUDED."updatedAt"`;
    await tx.guestCart.delete({ where: { id: guest.id }, select: { id: true } });
    return merged;
  });
}

/** Deletes guest carts past their expiry, their lines with them (the worker's cart.expire-guests). */
export async function deleteExpiredGuestCarts(ctx: Pick<Context, "db" | "clock">): Promise<number> {
  const { count } = await ctx.db.guestCart.deleteMany({ where: { expiresAt: { lte: ctx.clock() } } });
  return count;
}

/** Which column a raw statement filters an owner's lines by. */
export function ownerColumn(owner: CartOwner): { column: Prisma.Sql; id: string } {
  return "userId" in owner ? { column: Prisma.raw(`"userId"`), id: owner.userId } : { column: Prisma.raw(`"guestCartId"`), id: owner.guestCartId };
}
