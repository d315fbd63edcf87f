import { prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADMIN } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { loaded, screenshot } from "./support/browser";

// `pnpm dev`'s catalog (48 products) with half its customers: 48 orders over 90 days,
// through the API (about a minute on a loaded machine, hence this hook's own limit).
const shop = useShop({ seed: { products: 48, customers: 4 }, timeout: 420_000 });

/** Every <img> on the page has loaded a picture (none broken). */
async function brokenImages(page: Page): Promise<string[]> {
  await expect.poll(() => page.evaluate(() => [...document.images].every((image) => image.complete)), { timeout: 20_000 }).toBe(true);
  return page.evaluate(() => [...document.images].filter((image) => image.naturalWidth === 0).map((image) => image.src));
}

describe("the seeded shop in a browser", () => {
  it("draws each product its own pictures, served as SVG that can run nothing", async () => {
    const products = await prisma.product.findMany({ select: { slug: true, images: true }, orderBy: { slug: "asc" }, take: 2 });
    const pictures = [];
    for (const product of products) {
      expect(product.images.length).toBeGreaterThanOrEqual(2);
      const response = await fetch(`${shop.apps.storefront}${product.images[0]}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const svg = await response.text();
      expect(svg).toMatch(/^<svg [^>]*role="img"><title>[^<]+<\/title>/);
      expect(svg).not.toMatch(/<script|on[a-z]+=|href=/i);
      pictures.push(svg);
    }
    expect(pictures[0]).not.toBe(pictures[1]);

    // Cards on a category page show them; none is broken.
    const page = await shop.page();
    await page.goto(`${shop.apps.storefront}/c/packs`);
    await loaded(page);
    const sources = await page.locator("img").evaluateAll((images) => images.map((image) => (image as HTMLImageElement).getAttribute("src")));
    expect(new Set(sources.filter((src) => src?.endsWith(".svg"))).size).toBeGreaterThanOrEqual(4);
    expect(await brokenImages(page)).toEqual([]);
    expect(await screenshot(page, "storefront-category-pictures")).toBeGreaterThan(20);
  });

  it("shows staff a dashboard with 90 days of history, not a single spike", async () => {
    const page = await shop.signedIn("admin", ADMIN, { viewport: { width: 1280, height: 900 } });
    await loaded(page);
    const bars = page.locator('section[aria-label="Orders over time"] .recharts-bar-rectangle path');
    // The last 30 days (the default range): paid orders on many of them, not one spike.
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(10);

    const from = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("Start date").fill(from);
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    await loaded(page);
    expect(await screenshot(page, "admin-dashboard-90-days")).toBeGreaterThan(20);
  });
});
