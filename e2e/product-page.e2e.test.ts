import { prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { customerAccount } from "../scripts/seed/run";
import { HISTORY_SAMPLE, useShop } from "./support/shop";
import { expectNoSeriousViolations } from "./support/axe";
import { loaded, screenshot, signIn } from "./support/browser";
import { chooseVariant, optionRadio } from "./support/product";

const money = (amount: string) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount as unknown as number);

/**
 * A jacket in S, M, L and black, navy whose matrix has a hole (no M in navy) and a
 * sold-out cell (L in black), three pictures and a compare-at price; a lamp with one
 * variant and one picture; a board with one variant and none.
 */
const jacket = {
  slug: "matrix-test-jacket",
  images: ["/images/products/matrix-front.jpg", "/images/products/matrix-back.jpg", "/images/products/matrix-detail.jpg"],
  variants: [
    { sku: "MTJ-S-BLACK", options: { size: "S", colour: "black" }, price: "40.00", stock: 12 },
    { sku: "MTJ-S-NAVY", options: { size: "S", colour: "navy" }, price: "42.00", stock: 30 },
    { sku: "MTJ-M-BLACK", options: { size: "M", colour: "black" }, price: "45.00", stock: 3 },
    { sku: "MTJ-L-NAVY", options: { size: "L", colour: "navy" }, price: "48.00", stock: 20 },
    { sku: "MTJ-L-BLACK", options: { size: "L", colour: "black" }, price: "48.00", stock: 0 },
  ],
};

const shop = useShop({
  seed: { products: 12, customers: 1, orders: HISTORY_SAMPLE },
  prepare: async () => {
    const admin = await shop.adminCaller();
    const category = await prisma.category.findUniqueOrThrow({ where: { slug: "jackets" }, select: { id: true } });
    const simple = (slug: string, name: string, images: string[]) => ({
      name,
      slug,
      price: "30.00",
      categoryId: category.id,
      images,
      variants: [{ sku: `${slug}-1`, name: "Sand", options: { colour: "sand" }, price: "30.00", position: 0, stock: 5 }],
    });
    await admin.admin.product.createMany({
      products: [
        {
          name: "Matrix Test Jacket",
          slug: jacket.slug,
          description: "A jacket whose sizes and colours do not all exist.",
          price: "40.00",
          categoryId: category.id,
          variants: jacket.variants.map((variant, position) => ({ ...variant, name: `${variant.options.size} / ${variant.options.colour}`, position })),
        },
        simple("single-test-lamp", "Single Test Lamp", ["/images/products/lamp-front.jpg"]),
        simple("bare-test-board", "Bare Test Board", []),
      ],
    });
    // Pictures and the compare-at price through the admin API, as staff would set them.
    const { id } = await prisma.product.findUniqueOrThrow({ where: { slug: jacket.slug }, select: { id: true } });
    await admin.admin.product.update({ id, images: jacket.images, compareAtPrice: "60.00" });
  },
});

async function openProduct(slug: string, width = 1280): Promise<Page> {
  const page = await shop.page({ viewport: { width, height: 900 } });
  await page.goto(`${shop.apps.storefront}/p/${slug}`);
  await loaded(page);
  return page;
}

/** What the page must show for a variant: its price and stock as the database has them now. */
async function expectShows(page: Page, sku: string) {
  const variant = await prisma.productVariant.findUniqueOrThrow({ where: { sku }, select: { price: true, inventory: { select: { onHand: true, reserved: true } } } });
  const available = (variant.inventory?.onHand ?? 0) - (variant.inventory?.reserved ?? 0);
  await expect.poll(() => page.getByTestId("price").textContent()).toBe(money(variant.price.toFixed(2)));
  const stock = available === 0 ? "Out of stock" : available <= 5 ? `Low stock: only ${available} left` : "In stock";
  expect(await page.getByTestId("availability").textContent()).toBe(stock);
}

describe("product page", () => {
  it("shows the price and stock of the variant chosen size then colour, as the database has them", async () => {
    const page = await openProduct(jacket.slug);
    // One control per option, starting on the first variant in stock.
    expect(await page.getByRole("group").filter({ has: page.getByRole("radio") }).count()).toBe(2);
    expect(await optionRadio(page, "Size", "S").isChecked()).toBe(true);
    expect(await optionRadio(page, "Colour", "Black").isChecked()).toBe(true);
    await expectShows(page, "MTJ-S-BLACK");

    await optionRadio(page, "Size", "M").check();
    // M comes only in black, so the colour follows.
    expect(await optionRadio(page, "Colour", "Black").isChecked()).toBe(true);
    await expectShows(page, "MTJ-M-BLACK");

    await optionRadio(page, "Size", "S").check();
    await optionRadio(page, "Colour", "Navy").check();
    await expectShows(page, "MTJ-S-NAVY");
    // The compare-at price stands beside the sale price.
    expect(await page.getByTestId("compare-at-price").textContent()).toContain(money("60.00"));
    expect(await page.getByText("Sale", { exact: true }).isVisible()).toBe(true);

    // Keyboard: arrow keys move through a native radio group.
    await optionRadio(page, "Size", "S").focus();
    await page.keyboard.press("ArrowRight");
    expect(await optionRadio(page, "Size", "M").isChecked()).toBe(true);
    await expectShows(page, "MTJ-M-BLACK");
  });

  it("shows combinations that do not exist or are sold out as such", async () => {
    const page = await openProduct(jacket.slug);
    await optionRadio(page, "Size", "M").check();
    // Disabled, yet still in the group and announced with its state.
    const navy = page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Navy, unavailable", exact: true });
    expect(await navy.isDisabled()).toBe(true);

    // L in black exists but is sold out: the chosen colour stays, struck, and cannot be added.
    await optionRadio(page, "Size", "L").check();
    const black = page.getByRole("group", { name: "Colour" }).getByRole("radio", { name: "Black, sold out", exact: true });
    expect(await black.isChecked()).toBe(true);
    expect(await black.isDisabled()).toBe(false);
    await expectShows(page, "MTJ-L-BLACK");
    expect(await page.getByRole("button", { name: "Add to cart" }).isDisabled()).toBe(true);
    await optionRadio(page, "Colour", "Navy").check();
    await expectShows(page, "MTJ-L-NAVY");
    expect(await page.getByRole("button", { name: "Add to cart" }).isDisabled()).toBe(false);
  });

  it("switches the main picture from the thumbnails, and copes with one picture or none", async () => {
    const page = await openProduct(jacket.slug);
    const main = page.getByTestId("gallery-main");
    const thumbnails = page.getByTestId("gallery-thumbnails").getByRole("button");
    expect(await thumbnails.count()).toBe(3);
    expect(await main.getAttribute("src")).toBe(jacket.images[0]);
    expect(await main.getAttribute("alt")).toContain("Matrix Test Jacket");
    expect(await thumbnails.nth(0).getAttribute("aria-pressed")).toBe("true");

    await thumbnails.nth(1).click();
    await expect.poll(() => main.getAttribute("src")).toBe(jacket.images[1]);
    expect(await thumbnails.nth(1).getAttribute("aria-pressed")).toBe("true");
    expect(await thumbnails.nth(0).getAttribute("aria-pressed")).toBe("false");

    const lamp = await openProduct("single-test-lamp");
    expect(await lamp.getByTestId("gallery-main").getAttribute("src")).toBe("/images/products/lamp-front.jpg");
    expect(await lamp.getByTestId("gallery-thumbnails").count()).toBe(0);
    // One variant: nothing to pick.
    expect(await lamp.getByTestId("option-picker").count()).toBe(0);
    await expectShows(lamp, "single-test-lamp-1");

    const board = await openProduct("bare-test-board");
    expect(await board.getByTestId("gallery-main").getAttribute("src")).toBe("/images/products/placeholder.jpg");
    expect(await board.getByTestId("gallery-main").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  });

  it("clears 'Added to cart' when the choice changes or a new attempt fails, and announces each result once", async () => {
    const customer = customerAccount(1);
    const page = await shop.page();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: customer.email }, select: { id: true } });
    await prisma.cartItem.deleteMany({ where: { userId: user.id } });
    await signIn(page, shop.apps.storefront, customer.email, customer.password);
    await page.waitForURL(`${shop.apps.storefront}/`);
    await page.goto(`${shop.apps.storefront}/p/${jacket.slug}`);
    await loaded(page);
    const status = page.getByTestId("purchase-panel").getByRole("status");
    const add = page.getByRole("button", { name: "Add to cart" });

    await chooseVariant(page, jacket.variants[1]!.options);
    await add.click();
    await expect.poll(() => status.textContent()).toBe("Added to cart");
    expect(await status.count()).toBe(1);

    await optionRadio(page, "Size", "M").check();
    expect(await status.textContent()).toBe("");

    await add.click();
    await expect.poll(() => status.textContent()).toBe("Added to cart");
    await page.getByLabel("Quantity").fill("0");
    await add.click();
    await expect.poll(() => page.getByText("Enter a whole number from 1 to 1000").count()).toBe(1);
    expect(await status.textContent()).toBe("");

    const skus = await prisma.cartItem.findMany({ where: { userId: user.id }, select: { variant: { select: { sku: true } } } });
    expect(skus.map((item) => item.variant.sku).sort()).toEqual(["MTJ-M-BLACK", "MTJ-S-NAVY"]);
  });

  it.each([1280, 390])("has no serious accessibility violations and no sideways scroll at %i px", async (width) => {
    // A seeded product with approved reviews shows the rating summary too.
    const reviewed = await prisma.product.findFirstOrThrow({
      where: { status: "ACTIVE", reviews: { some: { status: "APPROVED" } } },
      select: { slug: true },
      orderBy: { name: "asc" },
    });
    for (const slug of [jacket.slug, reviewed.slug]) {
      const page = await openProduct(slug, width);
      await expectNoSeriousViolations(page, `/p/${slug} at ${width} px`);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page, `/p/${slug} scrolls sideways at ${width} px`).toBeLessThanOrEqual(widths.viewport);
      if (slug === jacket.slug) expect(await screenshot(page, `storefront-product-${width}`)).toBeGreaterThan(20);
      await page.context().close();
    }
    // Two full page loads plus axe runs: more than one ordinary step's budget on a loaded machine.
  }, 300_000);
});
