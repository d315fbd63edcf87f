import { createCaller, createInnerContext } from "@shop/api";
import { prisma } from "@shop/db";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN, customerAccount } from "../scripts/seed/run";
import { HISTORY_SAMPLE, useShop } from "./support/shop";
import { expectNoSeriousViolations } from "./support/axe";
import { loaded, screenshot } from "./support/browser";

/**
 * The bar for every key page of both apps, at a desktop and a phone width:
 * a screenshot under test-results/e2e/ (`<app>-<page>-<width>.png`), no sideways
 * scrolling at 390 px, and no serious or critical axe-core violation.
 */
const widths = [1280, 390] as const;
const phone = 390;

const contexts: Partial<Record<"guest" | "customer" | "admin", BrowserContext>> = {};
/** Ids and slugs the page paths need, read from the seeded database. */
let data: { categorySlug: string; productSlug: string; productName: string; productId: string; orderId: string; orderNumber: number };

const shop = useShop({ seed: { products: 24, customers: 2, orders: HISTORY_SAMPLE } });

beforeAll(async () => {
  const customer = customerAccount(1);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: customer.email }, select: { id: true, email: true } });
  const product = await prisma.product.findFirstOrThrow({
    where: { status: "ACTIVE", variants: { some: { isActive: true, inventory: { onHand: { gte: 5 } } } } },
    select: { id: true, slug: true, name: true, category: { select: { slug: true } }, variants: { where: { isActive: true }, select: { id: true }, take: 1 } },
    orderBy: { name: "asc" },
  });
  // The cart page and checkout must have a line to lay out, whatever the seed left there.
  const caller = createCaller(createInnerContext({ session: { user: { id: user.id, email: user.email, roles: ["CUSTOMER"] } } }));
  if ((await caller.cart.get()).items.length === 0) await caller.cart.add({ variantId: product.variants[0]!.id, quantity: 1 });
  const order = await prisma.order.findFirstOrThrow({ where: { userId: user.id }, select: { id: true, number: true }, orderBy: { placedAt: "desc" } });
  data = {
    categorySlug: product.category!.slug,
    productSlug: product.slug,
    productName: product.name,
    productId: product.id,
    orderId: order.id,
    orderNumber: Number(order.number),
  };

  const signedIn = async (page: Page) => {
    await page.close();
    return page.context();
  };
  contexts.guest = await shop.browser.newContext();
  contexts.customer = await signedIn(await shop.signedIn("storefront", customer));
  contexts.admin = await signedIn(await shop.signedIn("admin", ADMIN));
});

interface KeyPage {
  name: string;
  as: keyof typeof contexts;
  path: () => string;
  /** What shows the page is ready, beyond `loaded` (a heading and no loading indicator). */
  ready?: (page: Page) => Promise<void>;
  /** The product page's own violations are checked by e2e/product-page.e2e.test.ts. */
  skipAxe?: true;
}

const storefrontPages: KeyPage[] = [
  { name: "home", as: "guest", path: () => "/" },
  { name: "categories", as: "guest", path: () => "/categories" },
  { name: "category", as: "guest", path: () => `/c/${data.categorySlug}` },
  { name: "search", as: "guest", path: () => `/search?q=${encodeURIComponent(data.productName)}` },
  { name: "product", as: "guest", path: () => `/p/${data.productSlug}`, skipAxe: true },
  { name: "cart", as: "customer", path: () => "/cart", ready: (page) => page.getByRole("link", { name: "Checkout" }).waitFor() },
  { name: "checkout", as: "customer", path: () => "/checkout", ready: (page) => page.getByRole("button", { name: "Place order" }).waitFor() },
  { name: "orders", as: "customer", path: () => "/orders", ready: (page) => page.getByText(`#${data.orderNumber}`).first().waitFor() },
  { name: "order-detail", as: "customer", path: () => `/orders/${data.orderId}`, ready: (page) => page.getByRole("heading", { name: `Order #${data.orderNumber}` }).waitFor() },
  { name: "account", as: "customer", path: () => "/account" },
  { name: "wishlist", as: "customer", path: () => "/wishlist" },
  { name: "sign-in", as: "guest", path: () => "/sign-in" },
  { name: "sign-up", as: "guest", path: () => "/sign-up" },
];

const adminPages: KeyPage[] = [
  { name: "sign-in", as: "guest", path: () => "/sign-in" },
  { name: "dashboard", as: "admin", path: () => "/" },
  { name: "products", as: "admin", path: () => "/products" },
  { name: "product-edit", as: "admin", path: () => `/products/${data.productId}` },
  { name: "new-product", as: "admin", path: () => "/products/new" },
  { name: "categories", as: "admin", path: () => "/categories" },
  { name: "inventory", as: "admin", path: () => "/inventory" },
  { name: "orders", as: "admin", path: () => "/orders" },
  {
    name: "order-detail",
    as: "admin",
    path: () => "/orders",
    // An order's details open inside the list, under its row.
    ready: async (page) => {
      await page.getByRole("button", { name: /^Details for order #/ }).first().click();
      await page.locator("tr.detail-row").first().waitFor();
    },
  },
  { name: "users", as: "admin", path: () => "/users" },
  { name: "reviews", as: "admin", path: () => "/reviews" },
  { name: "settings", as: "admin", path: () => "/settings" },
  {
    name: "not-found",
    as: "admin",
    path: () => "/no-such-page",
    ready: (page) => page.getByText("We could not find that page").waitFor(),
  },
];

/**
 * The elements that reach past the viewport's right edge, innermost first, described
 * well enough to find in the code (tag, classes, start of the text, right edge).
 */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((element) => element.getBoundingClientRect().right > limit + 0.5);
    // An element whose child also overflows is only a container of the culprit.
    const innermost = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    return innermost.slice(0, 8).map((element) => {
      const classes = element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : "";
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${element.tagName.toLowerCase()}${classes} "${text}" right=${Math.round(element.getBoundingClientRect().right)}`;
    });
  });
}

/** Checks one page at both widths, reporting every failure of both (not just the first). */
async function checkPage(app: "storefront" | "admin", keyPage: KeyPage): Promise<void> {
  const page = await contexts[keyPage.as]!.newPage();
  const failures: string[] = [];
  const check = (run: () => Promise<void>) => run().catch((error: unknown) => void failures.push((error as Error).message));
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${shop.apps[app]}${keyPage.path()}`);
      if (keyPage.ready) await keyPage.ready(page);
      if (keyPage.name !== "not-found") await loaded(page);
      const name = `${app}-${keyPage.name}-${width}`;
      expect(await screenshot(page, name), `${name} looks blank`).toBeGreaterThan(20);

      if (width === phone) {
        await check(async () => {
          const documentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          const offenders = documentWidth > phone ? await overflowingElements(page) : [];
          expect(documentWidth, `${name} scrolls sideways, past the edge: ${offenders.join("; ")}`).toBeLessThanOrEqual(phone);
        });
      }
      if (!keyPage.skipAxe) await check(() => expectNoSeriousViolations(page, name));
    }
  } finally {
    await page.close();
  }
  expect(failures).toEqual([]);
}

describe("storefront key pages at 1280 and 390 px: screenshots, no sideways scroll, no serious axe violations", () => {
  it.each(storefrontPages.map((keyPage) => [keyPage.name, keyPage] as const))("%s", async (_name, keyPage) => {
    await checkPage("storefront", keyPage);
  });
});

describe("admin key pages at 1280 and 390 px: screenshots, no sideways scroll, no serious axe violations", () => {
  it.each(adminPages.map((keyPage) => [keyPage.name, keyPage] as const))("%s", async (_name, keyPage) => {
    await checkPage("admin", keyPage);
  });
});

/** A field's accessible name and the text of what describes it, as a screen reader gets them. */
async function fieldAnnouncement(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const description = await Promise.all(describedBy.split(" ").filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
  return { invalid: await field.getAttribute("aria-invalid"), description: description.join(" ") };
}

describe("messages for people in the forms", () => {
  it("sign-up shows the API's sentences beside each field, as descriptions, not as part of the field's name", async () => {
    const page = await contexts.guest!.newPage();
    await page.goto(`${shop.apps.storefront}/sign-up`);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Enter your name").waitFor();
    // getByLabel with exact names finds the fields only while the errors stay out of their labels.
    expect(await fieldAnnouncement(page, "Name")).toEqual({ invalid: "true", description: "Enter your name" });
    expect(await fieldAnnouncement(page, "E-mail")).toEqual({ invalid: "true", description: "Enter a valid e-mail address, like name@example.com" });
    expect(await fieldAnnouncement(page, "Password")).toEqual({ invalid: "true", description: "Must be at least 8 characters" });
    await expectNoSeriousViolations(page, "storefront-sign-up-errors");
    await page.close();
  });

  it("a listing's price filter says what is wrong in words", async () => {
    const page = await contexts.guest!.newPage();
    await page.goto(`${shop.apps.storefront}/search?q=${encodeURIComponent(data.productName)}&minPrice=50&maxPrice=5`);
    await loaded(page);
    expect(await fieldAnnouncement(page, "Min price")).toEqual({ invalid: "true", description: "The lowest price can't be above the highest" });
    await page.close();
  });
});
