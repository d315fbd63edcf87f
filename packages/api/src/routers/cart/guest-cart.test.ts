import { describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { anonymousSession, createTRPCContext, type GuestCartCookie } from "../../context";
import { createCaller } from "../../root";
import { callerFor, createProduct, createUser, errorCode } from "../../test/helpers";
import { deleteExpiredGuestCarts, GUEST_CART_TTL_MS, guestCartCookie, mergeGuestCart } from "./guest-cart";

/** A signed-out browser: its cookie jar holds what the API last set. */
function guestBrowser(clock?: () => Date) {
  const jar = { token: null as string | null };
  const cookie: GuestCartCookie = {
    get token() {
      return jar.token;
    },
    set: (token) => {
      jar.token = token;
    },
  };
  return { jar, caller: callerFor(null, { guestCart: cookie, clock }) };
}

const quantities = (cart: { items: { quantity: number; variant: { id: string } }[] }) =>
  Object.fromEntries(cart.items.map((item) => [item.variant.id, item.quantity]));

describe("guest carts", () => {
  it("lets a signed-out visitor add, read, update, remove and clear, through a cookie the first add sets", async () => {
    const { variants } = await createProduct({ stock: 10, price: "4.00", variants: 2 });
    const [a, b] = [variants[0]!, variants[1]!];
    const guest = guestBrowser();
    expect((await guest.caller.cart.get()).items).toEqual([]);
    expect(guest.jar.token).toBeNull();

    let cart = await guest.caller.cart.add({ variantId: a.id, quantity: 2 });
    expect(guest.jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cart.itemCount).toBe(2);
    await guest.caller.cart.add({ variantId: b.id, quantity: 1 });
    cart = await guest.caller.cart.get();
    expect(quantities(cart)).toEqual({ [a.id]: 2, [b.id]: 1 });
    expect(cart.subtotal.toFixed(2)).toBe("12.00");
    expect((await guest.caller.cart.update({ variantId: a.id, quantity: 5 })).itemCount).toBe(6);
    expect(quantities(await guest.caller.cart.remove({ variantId: b.id }))).toEqual({ [a.id]: 5 });
    expect((await guest.caller.cart.clear()).items).toEqual([]);
    // The lines are the guest cart's, not anybody's account's.
    const row = await prisma.guestCart.findUniqueOrThrow({ where: { id: guest.jar.token! }, select: { expiresAt: true } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + GUEST_CART_TTL_MS - 60_000);
  });

  it("keeps two guests' carts apart, and never adopts a token it did not issue", async () => {
    const { variants } = await createProduct({ stock: 10, variants: 2 });
    const [a, b] = [variants[0]!, variants[1]!];
    const first = guestBrowser();
    const second = guestBrowser();
    await first.caller.cart.add({ variantId: a.id, quantity: 1 });
    await second.caller.cart.add({ variantId: b.id, quantity: 3 });
    expect(first.jar.token).not.toBe(second.jar.token);
    expect(quantities(await first.caller.cart.get())).toEqual({ [a.id]: 1 });
    expect(quantities(await second.caller.cart.get())).toEqual({ [b.id]: 3 });
    expect(await errorCode(second.caller.cart.update({ variantId: a.id, quantity: 2 }))).toBe("NOT_FOUND");
    await second.caller.cart.remove({ variantId: a.id });
    expect(quantities(await first.caller.cart.get())).toEqual({ [a.id]: 1 });

    // A made-up (well-formed) token reads as no cart; adding mints a new one.
    const forger = guestBrowser();
    forger.jar.token = "A".repeat(43);
    expect((await forger.caller.cart.get()).items).toEqual([]);
    await forger.caller.cart.add({ variantId: a.id, quantity: 1 });
    expect(forger.jar.token).not.toBe("A".repeat(43));
    expect(await prisma.guestCart.count({ where: { id: "A".repeat(43) } })).toBe(0);
  });

  it("still answers UNAUTHORIZED without a session where the app offers no guest cart (admin, scripts)", async () => {
    expect(await errorCode(callerFor(null).cart.get())).toBe("UNAUTHORIZED");
    expect(await errorCode(callerFor(null).cart.add({ variantId: "x", quantity: 1 }))).toBe("UNAUTHORIZED");
  });

  it("uses the account's cart when signed in, leaving a guest cookie's cart alone", async () => {
    const { variants } = await createProduct({ stock: 10, variants: 2 });
    const [a, b] = [variants[0]!, variants[1]!];
    const guest = guestBrowser();
    await guest.caller.cart.add({ variantId: a.id, quantity: 1 });
    const customer = await createUser();
    const signedIn = callerFor(customer.session, { guestCart: { token: guest.jar.token } });
    expect((await signedIn.cart.get()).items).toEqual([]);
    await signedIn.cart.add({ variantId: b.id, quantity: 2 });
    expect(await prisma.cartItem.count({ where: { userId: customer.id, variantId: b.id, quantity: 2 } })).toBe(1);
    expect(quantities(await guest.caller.cart.get())).toEqual({ [a.id]: 1 });
  });

  it("sets the cookie httpOnly and SameSite=Lax on the HTTP answer", async () => {
    const { variants } = await createProduct({ stock: 1 });
    const resHeaders = new Headers();
    const ctx = createTRPCContext({ headers: new Headers(), session: anonymousSession, guestCart: { resHeaders } });
    await createCaller(ctx).cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const [setCookie] = resHeaders.getSetCookie();
    const { name } = guestCartCookie();
    expect(setCookie).toMatch(new RegExp(`^${name}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=${GUEST_CART_TTL_MS / 1000}; HttpOnly; SameSite=Lax$`));

    // The next request carries it and reads the same cart.
    const token = setCookie!.split(";")[0]!;
    const next = createTRPCContext({ headers: new Headers({ cookie: `other=1; ${token}` }), session: anonymousSession, guestCart: {} });
    expect((await createCaller(next).cart.get()).itemCount).toBe(1);
  });

  it("expires: an expired cart reads empty, the next add starts a new one, and the sweep deletes it with its lines", async () => {
    const { variants } = await createProduct({ stock: 5 });
    let now = new Date();
    const guest = guestBrowser(() => now);
    await guest.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    const old = guest.jar.token!;
    now = new Date(now.getTime() + GUEST_CART_TTL_MS + 1_000);
    expect((await guest.caller.cart.get()).items).toEqual([]);
    await guest.caller.cart.add({ variantId: variants[0]!.id, quantity: 2 });
    expect(guest.jar.token).not.toBe(old);
    expect(await deleteExpiredGuestCarts({ db: prisma, clock: () => now })).toBeGreaterThanOrEqual(1);
    expect(await prisma.guestCart.count({ where: { id: old } })).toBe(0);
    expect(await prisma.cartItem.count({ where: { guestCartId: old } })).toBe(0);
    expect((await guest.caller.cart.get()).itemCount).toBe(2);
  });
});

describe("merging a guest cart into an account on sign-in", () => {
  it("sums quantities, caps them by available stock and the per-line limit, and drops what cannot be bought", async () => {
    const { variants } = await createProduct({ stock: 5, variants: 4 });
    const [both, short, none, huge] = [variants[0]!, variants[1]!, variants[2]!, variants[3]!];
    // short: 2 available; none: nothing available; huge: plenty.
    await prisma.inventoryTransaction.createMany({
      data: [
        { variantId: short.id, delta: -3, reason: "ADJUSTMENT" },
        { variantId: none.id, delta: -5, reason: "ADJUSTMENT" },
        { variantId: huge.id, delta: 2_000, reason: "RESTOCK" },
      ],
    });
    const customer = await createUser();
    await customer.caller.cart.add({ variantId: both.id, quantity: 2 });
    await customer.caller.cart.add({ variantId: huge.id, quantity: 900 });
    const guest = guestBrowser();
    await guest.caller.cart.add({ variantId: both.id, quantity: 4 });
    await guest.caller.cart.add({ variantId: short.id, quantity: 3 });
    await guest.caller.cart.add({ variantId: none.id, quantity: 1 });
    await guest.caller.cart.add({ variantId: huge.id, quantity: 500 });

    expect(await mergeGuestCart(prisma, guest.jar.token, customer.id)).toBe(3);
    expect(quantities(await customer.caller.cart.get())).toEqual({ [both.id]: 5, [short.id]: 2, [huge.id]: 1_000 });
    expect(await prisma.guestCart.count({ where: { id: guest.jar.token! } })).toBe(0);
    expect(await prisma.cartItem.count({ where: { guestCartId: guest.jar.token! } })).toBe(0);
    expect((await guest.caller.cart.get()).items).toEqual([]);
  });

  it("never lowers what the account's line already held", async () => {
    const { variants } = await createProduct({ stock: 3 });
    const customer = await createUser();
    await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 7 });
    const guest = guestBrowser();
    await guest.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
    await mergeGuestCart(prisma, guest.jar.token, customer.id);
    expect(quantities(await customer.caller.cart.get())).toEqual({ [variants[0]!.id]: 7 });
  });

  it("is a no-op the second time, and when two merges race only one moves the lines", async () => {
    const { variants } = await createProduct({ stock: 10 });
    const variantId = variants[0]!.id;
    const customer = await createUser();
    const guest = guestBrowser();
    await guest.caller.cart.add({ variantId, quantity: 2 });
    expect(await mergeGuestCart(prisma, guest.jar.token, customer.id)).toBe(1);
    expect(await mergeGuestCart(prisma, guest.jar.token, customer.id)).toBe(0);
    expect(quantities(await customer.caller.cart.get())).toEqual({ [variantId]: 2 });

    const racer = guestBrowser();
    await racer.caller.cart.add({ variantId, quantity: 3 });
    const merged = await Promise.all([1, 2].map(() => mergeGuestCart(prisma, racer.jar.token, customer.id)));
    expect(merged.sort()).toEqual([0, 1]);
    expect(quantities(await customer.caller.cart.get())).toEqual({ [variantId]: 5 });
    // No cookie, a malformed one, or an unknown one: nothing to do.
    expect(await mergeGuestCart(prisma, null, customer.id)).toBe(0);
    expect(await mergeGuestCart(prisma, "not a token", customer.id)).toBe(0);
  });
});
