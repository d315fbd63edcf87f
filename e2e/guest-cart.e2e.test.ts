import { guestCartCookie } from "@shop/api";
import { prisma } from "@shop/db";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { customerAccount } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { loaded, screenshot, signIn, signUp } from "./support/browser";

const shop = useShop({ seed: { products: 24, customers: 2, orders: 0 } });

/** Active products whose every active variant has stock to spare, so no cap interferes. */
async function stockedProducts(count: number) {
  const products = await prisma.product.findMany({
    where: { status: "ACTIVE", variants: { some: { isActive: true }, every: { OR: [{ isActive: false }, { inventory: { onHand: { gte: 10 }, reserved: 0 } }] } } },
    select: { slug: true, name: true, variants: { where: { isActive: true }, select: { id: true } } },
    orderBy: { name: "asc" },
    take: count,
  });
  if (products.length < count) throw new Error("the seeded catalog has too few well-stocked products");
  return products;
}

const guestToken = async (context: BrowserContext) => (await context.cookies()).find((cookie) => cookie.name === guestCartCookie().name);

/** The lines of a cart as { variantId: quantity }. */
async function lines(where: { userId: string } | { guestCartId: string }) {
  const rows = await prisma.cartItem.findMany({ where, select: { variantId: true, quantity: true } });
  return Object.fromEntries(rows.map((row) => [row.variantId, row.quantity]));
}

/** Adds the product page's preselected variant to the cart and waits for the confirmation. */
async function addToCart(page: Page, slug: string) {
  await page.goto(`${shop.apps.storefront}/p/${slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor()).resolves.toBeUndefined();
}

/** The header's cart count as the page shows it ("" when the cart is empty). */
const headerCount = async (page: Page) => ((await page.getByTestId("cart-count").count()) ? ((await page.getByTestId("cart-count").textContent()) ?? "") : "");
/** How long the header may take to show a count that needs a round trip (a refresh after signing in, a refetch). */
const refetched = { timeout: 15_000 };

describe("guest cart", () => {
  it("a guest adds a variant, the header counts it, signs up, and the same cart checks out to an order", async () => {
    const [product] = await stockedProducts(1);
    const context = await shop.browser.newContext();
    const page = await context.newPage();
    await addToCart(page, product!.slug);
    // The header's count moves without a reload.
    await expect.poll(() => headerCount(page), refetched).toBe("1 item");

    const cookie = await guestToken(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const guestLines = await lines({ guestCartId: cookie!.value });
    expect(Object.values(guestLines)).toEqual([1]);

    // Another browser's guest sees none of it.
    const stranger = await shop.page();
    await stranger.goto(`${shop.apps.storefront}/cart`);
    await expect(stranger.getByText("Your cart is empty").waitFor()).resolves.toBeUndefined();

    await page.goto(`${shop.apps.storefront}/cart`);
    await loaded(page);
    await expect(page.getByRole("link", { name: product!.name }).waitFor()).resolves.toBeUndefined();

    const email = `guest-${Date.now()}@example.test`;
    await signUp(page, shop.apps.storefront, { name: "Gus Guest", email, password: "guest-password-123" });
    await page.waitForURL(`${shop.apps.storefront}/`);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await lines({ userId: user.id })).toEqual(guestLines);
    expect(await prisma.guestCart.count({ where: { id: cookie!.value } })).toBe(0);
    expect(await guestToken(context)).toBeUndefined();
    await expect.poll(() => headerCount(page), refetched).toBe("1 item");

    await page.goto(`${shop.apps.storefront}/checkout`);
    await page.getByLabel("Full name").fill("Gus Guest");
    await page.getByLabel("Street").fill("1 Test Street");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("State").fill("IL");
    await page.getByLabel("ZIP code").fill("62701");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.waitForURL("**/orders/**");
    const order = await prisma.order.findFirstOrThrow({ where: { userId: user.id }, select: { items: { select: { variantId: true, quantity: true } } } });
    expect(Object.fromEntries(order.items.map((item) => [item.variantId, item.quantity]))).toEqual(guestLines);
    await expect.poll(() => headerCount(page), refetched).toBe("");
  });

  it("a seeded customer with lines signs in and the guest's lines are added to theirs", async () => {
    const [first, second] = await stockedProducts(2);
    const account = customerAccount(2);
    const customer = await prisma.user.findUniqueOrThrow({ where: { email: account.email }, select: { id: true } });
    // The account already holds one of each of the second product's variants.
    await prisma.cartItem.deleteMany({ where: { userId: customer.id } });
    await prisma.cartItem.createMany({ data: second!.variants.map((variant) => ({ userId: customer.id, variantId: variant.id, quantity: 1 })) });
    const before = await lines({ userId: customer.id });

    const context = await shop.browser.newContext();
    const page = await context.newPage();
    await addToCart(page, first!.slug);
    await addToCart(page, first!.slug);
    await addToCart(page, second!.slug);
    await expect.poll(() => headerCount(page), refetched).toBe("3 items");
    const guestLines = await lines({ guestCartId: (await guestToken(context))!.value });

    await signIn(page, shop.apps.storefront, account.email, account.password);
    await page.waitForURL(`${shop.apps.storefront}/`);
    const expected = { ...before };
    for (const [variantId, quantity] of Object.entries(guestLines)) expected[variantId] = (expected[variantId] ?? 0) + quantity;
    expect(await lines({ userId: customer.id })).toEqual(expected);
    const total = Object.values(expected).reduce((sum, quantity) => sum + quantity, 0);
    await expect.poll(() => headerCount(page), refetched).toBe(`${total} items`);
    expect(await guestToken(context)).toBeUndefined();
  });

  it("asks before clearing the cart", async () => {
    const [product] = await stockedProducts(1);
    const page = await shop.page();
    await addToCart(page, product!.slug);
    await page.goto(`${shop.apps.storefront}/cart`);
    await loaded(page);
    await page.getByRole("button", { name: "Clear cart" }).click();
    const dialog = page.getByRole("dialog", { name: "Clear your cart?" });
    await expect(dialog.waitFor()).resolves.toBeUndefined();
    // Cancel has focus: Enter does not clear.
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByRole("link", { name: product!.name }).count()).toBe(1);
    await page.getByRole("button", { name: "Clear cart" }).click();
    await dialog.getByRole("button", { name: "Clear cart" }).click();
    await expect(page.getByText("Your cart is empty").waitFor()).resolves.toBeUndefined();
    await expect.poll(() => headerCount(page), refetched).toBe("");
  });

  it("shows a short header at 390 px with a menu that opens and closes by keyboard, and no sideways scroll", async () => {
    const page = await shop.page({ viewport: { width: 390, height: 844 } });
    await page.goto(`${shop.apps.storefront}/`);
    await loaded(page);
    const store = await prisma.setting.findUnique({ where: { key: "store.name" }, select: { value: true } });
    expect(await page.locator(".site-header .brand").textContent()).toBe((store?.value as string | undefined) ?? "Shop");

    const header = page.locator("header.site-header");
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(390);

    const menu = page.getByRole("button", { name: "Menu" });
    const categories = page.getByRole("link", { name: "Categories", exact: true });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await categories.isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await categories.waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await screenshot(page, "storefront-header-menu-390");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await categories.waitFor({ state: "hidden" });

    // Following a link from the menu closes it on the next page.
    await menu.click();
    await categories.click();
    await page.waitForURL("**/categories");
    await loaded(page);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    // Wide screens show the links inline and no Menu button.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await menu.isVisible()).toBe(false);
    expect(await categories.isVisible()).toBe(true);
  });
});
