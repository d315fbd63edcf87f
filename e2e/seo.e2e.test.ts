import { createCaller } from "@shop/api";
import { prisma, Prisma } from "@shop/db";
import { beforeAll, describe, expect, it } from "vitest";
import { customerAccount } from "../scripts/seed/run";
import { HISTORY_SAMPLE, useShop } from "./support/shop";

/**
 * What search engines and link previews see, read with plain HTTP as a crawler does:
 * status codes, redirects, <head> tags, JSON-LD, robots.txt and the paged sitemap.
 */
let STORE_NAME: string;
const SITEMAP_PAGE_SIZE = 5;
// An admin edit reaches the apps' caches within about a second; each poll renders a page, slow on a loaded machine.
const EDIT_SEEN = { timeout: 10_000, interval: 100 };
let admin: ReturnType<typeof createCaller>;

const shop = useShop({ seed: { products: 24, customers: 2, orders: HISTORY_SAMPLE }, env: { SITEMAP_PAGE_SIZE: String(SITEMAP_PAGE_SIZE) }, browser: false });

beforeAll(async () => {
  admin = await shop.adminCaller();
  // The seed names the store (not the default "Shop"), so the pages can only show it by reading the setting.
  STORE_NAME = String((await prisma.setting.findUniqueOrThrow({ where: { key: "store.name" }, select: { value: true } })).value);
  expect(STORE_NAME).not.toBe("Shop");
});

/** A GET that does not follow redirects, with an optional Cookie header. */
function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) =>
    code.startsWith("#x") ? String.fromCodePoint(parseInt(code.slice(2), 16)) : code.startsWith("#") ? String.fromCodePoint(Number(code.slice(1))) : (entities[code] ?? whole),
  );
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decode(value!)]));

/** The SEO tags of a page's <head>, as a crawler that runs no JavaScript reads them. */
function headOf(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head.length, "the page has a <head>").toBeGreaterThan(0);
  const metas = [...head.matchAll(/<meta [^>]*>/g)].map(([tag]) => attributes(tag));
  const meta = (key: string) => metas.find((entry) => entry.name === key || entry.property === key)?.content;
  const canonical = [...head.matchAll(/<link [^>]*>/g)].map(([tag]) => attributes(tag)).find((link) => link.rel === "canonical")?.href;
  return {
    title: decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? ""),
    description: meta("description"),
    canonical,
    robots: meta("robots"),
    og: { title: meta("og:title"), description: meta("og:description"), url: meta("og:url"), type: meta("og:type"), image: meta("og:image"), siteName: meta("og:site_name") },
  };
}

async function page(path: string) {
  const response = await get(`${shop.apps.storefront}${path}`);
  expect(response.status, path).toBe(200);
  return headOf(await response.text());
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => JSON.parse(json!) as Record<string, unknown>);
}

/** An active product as the database holds it: active variants with price, SKU and what is available. */
async function productFromDb(where: Prisma.ProductWhereInput) {
  const products = await prisma.product.findMany({
    where: { status: "ACTIVE", ...where },
    select: {
      id: true,
      name: true,
      slug: true,
      currency: true,
      images: true,
      variants: { where: { isActive: true }, select: { id: true, sku: true, price: true, inventory: { select: { onHand: true, reserved: true } } } },
    },
    orderBy: { slug: "asc" },
  });
  return products;
}

const low = (prices: Prisma.Decimal[]) => prices.reduce((a, b) => (b.lt(a) ? b : a));
const high = (prices: Prisma.Decimal[]) => prices.reduce((a, b) => (b.gt(a) ? b : a));

describe("status codes", () => {
  it("an unknown product or category is a 404 with the not-found page; a known one is a 200", async () => {
    const product = await prisma.product.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { slug: true } });
    const category = await prisma.category.findFirstOrThrow({ where: { isActive: true }, select: { slug: true } });
    for (const path of ["/p/no-such-product", "/c/no-such-category"]) {
      const response = await get(`${shop.apps.storefront}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("We could not find that page");
    }
    expect((await get(`${shop.apps.storefront}/p/${product.slug}`)).status).toBe(200);
    expect((await get(`${shop.apps.storefront}/c/${category.slug}`)).status).toBe(200);
  });

  it("an archived product is a 404", async () => {
    // A product no page has shown yet, so no app instance holds it in memory.
    const product = await prisma.product.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true, slug: true }, orderBy: { slug: "desc" } });
    await admin.admin.product.archive({ id: product.id });
    await expect.poll(async () => (await get(`${shop.apps.storefront}/p/${product.slug}`)).status, EDIT_SEEN).toBe(404);
  });

  it("an order page is a 404 for an unknown order and for someone else's; its owner gets a 200; a visitor is redirected to sign in", async () => {
    const [first, second] = [customerAccount(1), customerAccount(2)];
    const theirs = await prisma.order.findFirstOrThrow({ where: { user: { email: second.email } }, select: { id: true } });
    const mine = await prisma.order.findFirstOrThrow({ where: { user: { email: first.email } }, select: { id: true } });
    const cookie = await shop.cookie("storefront", first.email);
    expect((await get(`${shop.apps.storefront}/orders/no-such-order`, cookie)).status).toBe(404);
    const someoneElses = await get(`${shop.apps.storefront}/orders/${theirs.id}`, cookie);
    expect(someoneElses.status).toBe(404);
    expect(await someoneElses.text()).toContain("We could not find that page");
    expect((await get(`${shop.apps.storefront}/orders/${mine.id}`, cookie)).status).toBe(200);

    const anonymous = await get(`${shop.apps.storefront}/orders/${mine.id}`);
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.headers.get("location") ?? "", shop.apps.storefront).pathname).toBe("/sign-in");
  });

  it("admin pages redirect a visitor to sign in (3xx + Location), refuse a customer with 403, serve staff", async () => {
    const paths = ["/", "/products", "/orders", "/inventory", "/settings"];
    for (const path of paths) {
      const response = await get(`${shop.apps.admin}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(300);
      expect(response.status, path).toBeLessThan(400);
      expect(new URL(response.headers.get("location") ?? "", shop.apps.admin).pathname, path).toBe("/sign-in");
    }
    const customer = await get(`${shop.apps.admin}/products`, await shop.cookie("admin", customerAccount(1).email));
    expect(customer.status).toBe(403);
    const refusal = await customer.text();
    expect(refusal).toContain("Not allowed");
    expect(refusal).toContain("does not have the ADMIN or STAFF role");
    expect((await get(`${shop.apps.admin}/products`, await shop.cookie("admin", "staff@shop.local"))).status).toBe(200);
    expect((await get(`${shop.apps.admin}/sign-in`)).status).toBe(200);
  });
});

describe("titles, descriptions, canonical links, Open Graph", () => {
  it("each public page has its own title and description, with the store's name, in <head>", async () => {
    const [product] = await productFromDb({ description: { not: null } });
    const category = await prisma.category.findFirstOrThrow({ where: { isActive: true, products: { some: { status: "ACTIVE" } } }, select: { name: true, slug: true } });
    const heads = {
      home: await page("/"),
      categories: await page("/categories"),
      category: await page(`/c/${category.slug}`),
      product: await page(`/p/${product!.slug}`),
      search: await page("/search?q=shirt"),
    };
    for (const [name, head] of Object.entries(heads)) {
      expect(head.title, name).toContain(STORE_NAME);
      expect(head.description, name).toBeTruthy();
      expect(head.og.siteName, name).toBe(STORE_NAME);
    }
    const titles = Object.values(heads).map((head) => head.title);
    const descriptions = Object.values(heads).map((head) => head.description);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    expect(heads.home.title).toBe(STORE_NAME);
    expect(heads.product.title).toBe(`${product!.name} · ${STORE_NAME}`);
    expect(heads.category.title).toBe(`${category.name} · ${STORE_NAME}`);
    expect(heads.search.robots).toBe("noindex, follow");
  });

  it("canonical links and og:url are absolute and drop sort, filter and paging parameters", async () => {
    const category = await prisma.category.findFirstOrThrow({ where: { isActive: true }, select: { slug: true } });
    const plain = await page(`/c/${category.slug}`);
    const filtered = await page(`/c/${category.slug}?sort=price_asc&minPrice=1&maxPrice=500&cursor=abc`);
    expect(plain.canonical).toBe(`${shop.apps.storefront}/c/${category.slug}`);
    expect(filtered.canonical).toBe(plain.canonical);
    expect(filtered.og.url).toBe(plain.canonical);
    expect(new URL((await page("/?utm_source=newsletter")).canonical ?? "").href).toBe(`${shop.apps.storefront}/`);
  });

  it("a product page has Open Graph title, description, url, type and its image", async () => {
    const [product] = await productFromDb({ images: { isEmpty: false } });
    const head = await page(`/p/${product!.slug}?variant=whatever`);
    expect(head.canonical).toBe(`${shop.apps.storefront}/p/${product!.slug}`);
    expect(head.og).toMatchObject({ title: head.title, description: head.description, url: head.canonical, type: "website", siteName: STORE_NAME });
    expect(head.og.image).toBe(new URL(product!.images[0]!, shop.apps.storefront).toString());
  });
});

describe("Product structured data (JSON-LD)", () => {
  async function productLd(slug: string) {
    const response = await get(`${shop.apps.storefront}/p/${slug}`);
    expect(response.status).toBe(200);
    const blocks = jsonLd(await response.text()).filter((block) => block["@type"] === "Product");
    expect(blocks).toHaveLength(1);
    return blocks[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  const available = (variant: { inventory: { onHand: number; reserved: number } | null }) => (variant.inventory ? variant.inventory.onHand - variant.inventory.reserved : 0) > 0;

  it("a product whose variants differ in price has an AggregateOffer from the database's lowest to highest price", async () => {
    const product = (await productFromDb({})).find((candidate) => candidate.variants.length > 1 && !low(candidate.variants.map((v) => v.price)).eq(high(candidate.variants.map((v) => v.price))));
    if (!product) throw new Error("the seeded catalog has no product whose variants differ in price");
    const ld = await productLd(product.slug);
    const prices = product.variants.map((variant) => variant.price);
    expect(ld).toMatchObject({ "@context": "https://schema.org", name: product.name, url: `${shop.apps.storefront}/p/${product.slug}`, brand: { "@type": "Brand", name: STORE_NAME } });
    expect(ld.offers["@type"]).toBe("AggregateOffer");
    expect(new Prisma.Decimal(ld.offers.lowPrice).eq(low(prices))).toBe(true);
    expect(new Prisma.Decimal(ld.offers.highPrice).eq(high(prices))).toBe(true);
    expect(ld.offers.offerCount).toBe(product.variants.length);
    expect(ld.offers.priceCurrency).toBe(product.currency);
    expect(ld.offers.availability).toBe(`https://schema.org/${product.variants.some(available) ? "InStock" : "OutOfStock"}`);
    const offers = ld.offers.offers as { sku: string; price: string }[];
    expect(offers.map((offer) => offer.sku).sort()).toEqual(product.variants.map((variant) => variant.sku).sort());
    for (const variant of product.variants) expect(new Prisma.Decimal(offers.find((offer) => offer.sku === variant.sku)!.price).eq(variant.price)).toBe(true);
    expect(ld.image).toEqual(product.images.map((image) => new URL(image, shop.apps.storefront).toString()));
  });

  it("a product with one price has a single Offer with its SKU; a reviewed one has an AggregateRating from the approved reviews", async () => {
    const product = (await productFromDb({ reviews: { some: { status: "APPROVED" } } }))[0];
    if (!product) throw new Error("the seeded catalog has no reviewed product");
    // One price: every other variant is deactivated through the admin API (which invalidates the cached product).
    const [kept, ...others] = product.variants;
    for (const variant of others) {
      const { sku, price } = await prisma.productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { sku: true, price: true } });
      await admin.admin.product.upsertVariant({ id: variant.id, productId: product.id, sku, price: price.toFixed(2), isActive: false });
    }
    await expect.poll(async () => (await productLd(product.slug)).offers["@type"], EDIT_SEEN).toBe("Offer");
    const ld = await productLd(product.slug);
    const dbVariant = await prisma.productVariant.findUniqueOrThrow({ where: { sku: kept!.sku }, select: { price: true, sku: true } });
    expect(ld.sku).toBe(dbVariant.sku);
    expect(new Prisma.Decimal(ld.offers.price).eq(dbVariant.price)).toBe(true);
    expect(ld.offers.priceCurrency).toBe(product.currency);

    const rating = await prisma.review.aggregate({ where: { productId: product.id, status: "APPROVED" }, _avg: { rating: true }, _count: { _all: true } });
    expect(ld.aggregateRating["@type"]).toBe("AggregateRating");
    expect(ld.aggregateRating.reviewCount).toBe(rating._count._all);
    expect(ld.aggregateRating.ratingValue).toBeCloseTo(rating._avg.rating ?? 0, 1);
  });

  it("a product name cannot close the script element or inject markup", async () => {
    const product = (await productFromDb({})).at(-1);
    const name = `Evil </script><script>window.__pwned = 1</script><!-- & "quoted"`;
    await admin.admin.product.update({ id: product!.id, name });
    await expect.poll(async () => (await productLd(product!.slug)).name, EDIT_SEEN).toBe(name);
    const html = await (await get(`${shop.apps.storefront}/p/${product!.slug}`)).text();
    expect(html).not.toContain("<script>window.__pwned");
    // The element's text holds no "<" at all, so nothing in it can end it early.
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(block).toContain("Evil \\u003c/script\\u003e");
    expect(block).not.toContain("<");
  });
});

describe("robots.txt and sitemap", () => {
  it("robots.txt opens the catalog, closes private pages and names the sitemap; the admin app's closes everything", async () => {
    const robots = await (await get(`${shop.apps.storefront}/robots.txt`)).text();
    expect(robots).toMatch(/^Allow: \/$/m);
    for (const path of ["/account", "/cart", "/checkout", "/orders", "/api/"]) expect(robots).toMatch(new RegExp(`^Disallow: ${path}$`, "m"));
    expect(robots).toContain(`Sitemap: ${shop.apps.storefront}/sitemap.xml`);
    const admin = await get(`${shop.apps.admin}/robots.txt`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toMatch(/^Disallow: \/$/m);
    expect(headOf(await (await get(`${shop.apps.admin}/sign-in`)).text()).robots).toBe("noindex, nofollow");
  });

  it("sitemap.xml indexes pages of at most SITEMAP_PAGE_SIZE URLs that together list every active product and category", async () => {
    const index = await get(`${shop.apps.storefront}/sitemap.xml`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toContain("xml");
    const indexXml = await index.text();
    expect(indexXml).toContain("<sitemapindex");
    const pages = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => decode(loc!));
    const listed: string[] = [];
    for (const url of pages) {
      expect(url.startsWith(`${shop.apps.storefront}/sitemap/`)).toBe(true);
      const xml = await (await get(url)).text();
      expect(xml).toContain("<urlset");
      const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_PAGE_SIZE);
      for (const [, loc, lastmod] of urls) {
        expect(Number.isNaN(Date.parse(lastmod!))).toBe(false);
        listed.push(decode(loc!));
      }
    }
    const [products, categories] = await Promise.all([
      prisma.product.findMany({ where: { status: "ACTIVE" }, select: { slug: true } }),
      prisma.category.findMany({ where: { isActive: true }, select: { slug: true } }),
    ]);
    expect(products.length).toBeGreaterThan(SITEMAP_PAGE_SIZE);
    expect(pages.length).toBe(Math.ceil(products.length / SITEMAP_PAGE_SIZE) + Math.ceil(categories.length / SITEMAP_PAGE_SIZE));
    const expected = [...products.map((product) => `/p/${product.slug}`), ...categories.map((category) => `/c/${category.slug}`)].map((path) => `${shop.apps.storefront}${path}`);
    expect(listed.sort()).toEqual(expected.sort());
    expect((await get(`${shop.apps.storefront}/sitemap/products-999.xml`)).status).toBe(404);
    expect((await get(`${shop.apps.storefront}/sitemap/users-1.xml`)).status).toBe(404);
  });
});
