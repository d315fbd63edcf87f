import { randomBytes, randomUUID } from "node:crypto";
import { guestCartCookie, hashPassword } from "@shop/api";
import { CLIENT_ADDRESS_HEADER } from "@shop/api/client-address";
import { prisma } from "@shop/db";
import type { User } from "next-auth";
import { describe, expect, it } from "vitest";
import { authConfig, type ShopApp } from "./config";

type Authorize = (credentials: Record<string, unknown>, request: Request) => Promise<User | null>;

/** Auth.js's credentials sign-in as a browser carrying `cookie` makes it; counts cookie deletions. */
function signInWith(app: ShopApp, credentials: Record<string, unknown>, cookie: string) {
  const forgotten = { count: 0 };
  const config = authConfig(app, {
    forgetGuestCartCookie: () => {
      forgotten.count++;
      return Promise.resolve();
    },
  });
  const provider = config.providers[0] as unknown as { options: { authorize: Authorize } };
  const request = new Request("http://localhost/api/auth/callback/credentials", { headers: { cookie, [CLIENT_ADDRESS_HEADER]: "192.0.2.77" } });
  return { result: provider.options.authorize(credentials, request), forgotten };
}

async function customerWithGuestCart() {
  const email = `merge-${randomUUID()}@example.test`;
  const password = "correct horse battery";
  const user = await prisma.user.create({ data: { email, password: await hashPassword(password), roles: { create: [{ role: "CUSTOMER" }] } }, select: { id: true } });
  const category = await prisma.category.create({ data: { name: "Merge", slug: `merge-${randomUUID()}` } });
  const product = await prisma.product.create({
    data: { name: "Merged", slug: `merged-${randomUUID()}`, description: "x", price: "5.00", categoryId: category.id, sku: `M-${randomUUID()}`, quantity: 4 },
    select: { variants: { select: { id: true } } },
  });
  const variantId = product.variants[0]!.id;
  const token = randomBytes(32).toString("base64url");
  await prisma.guestCart.create({ data: { id: token, expiresAt: new Date(Date.now() + 3_600_000), items: { create: { variantId, quantity: 2 } } } });
  return { user, email, password, variantId, token, cookie: `${guestCartCookie().name}=${token}` };
}

describe("signing in claims the guest cart", () => {
  it("moves the storefront visitor's guest cart into the account and deletes its cookie", async () => {
    const shopper = await customerWithGuestCart();
    const { result, forgotten } = signInWith("storefront", { email: shopper.email, password: shopper.password }, shopper.cookie);
    expect(await result).toMatchObject({ id: shopper.user.id });
    expect(forgotten.count).toBe(1);
    expect(await prisma.cartItem.findMany({ where: { userId: shopper.user.id }, select: { variantId: true, quantity: true } })).toEqual([
      { variantId: shopper.variantId, quantity: 2 },
    ]);
    expect(await prisma.guestCart.count({ where: { id: shopper.token } })).toBe(0);
  });

  it("leaves the guest cart alone on a wrong password and in the admin app", async () => {
    const shopper = await customerWithGuestCart();
    const wrong = signInWith("storefront", { email: shopper.email, password: "not it" }, shopper.cookie);
    expect(await wrong.result).toBeNull();
    const admin = signInWith("admin", { email: shopper.email, password: shopper.password }, shopper.cookie);
    await expect(admin.result).rejects.toBeTruthy();
    expect(wrong.forgotten.count + admin.forgotten.count).toBe(0);
    expect(await prisma.cartItem.count({ where: { guestCartId: shopper.token } })).toBe(1);
    expect(await prisma.cartItem.count({ where: { userId: shopper.user.id } })).toBe(0);
  });
});
