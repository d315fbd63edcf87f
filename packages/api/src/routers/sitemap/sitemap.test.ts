import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env, overrideEnv, prisma } from "@shop/db";
import { recordingPrismaClient } from "@shop/db/testing";
import { anonymous, createUser, errorCode, unique } from "../../test/helpers";
import { sitemapEntries, sitemapPages } from "./sitemap.handler";

const PAGE_SIZE = 3;
const recorder = recordingPrismaClient();
let previousPageSize: number;

beforeAll(async () => {
  previousPageSize = env().SITEMAP_PAGE_SIZE;
  overrideEnv({ SITEMAP_PAGE_SIZE: String(PAGE_SIZE) });
  const category = await prisma.category.create({ data: { name: "Mapped", slug: unique("mapped") } });
  await prisma.category.create({ data: { name: "Hidden", slug: unique("hidden"), isActive: false } });
  const product = (status: "ACTIVE" | "DRAFT" | "ARCHIVED") => ({ name: "Mapped", slug: unique("mapped"), price: "1.00", categoryId: category.id, status });
  await prisma.product.createMany({ data: [...Array.from({ length: 8 }, () => product("ACTIVE")), product("DRAFT"), product("ARCHIVED")] });
});

afterAll(async () => {
  overrideEnv({ SITEMAP_PAGE_SIZE: String(previousPageSize) });
  await recorder.db.$disconnect();
});

/** Every page of `kind` as sitemap.page answers it, in order. */
async function allPages(caller: ReturnType<typeof anonymous>, kind: "products" | "categories") {
  const index = await caller.sitemap.index();
  return Promise.all(index[kind].map(({ page }) => caller.sitemap.page({ kind, page })));
}

describe("sitemap", () => {
  it("pages the active products in id order, at most SITEMAP_PAGE_SIZE each, lastModified the newest of each page", async () => {
    const active = await prisma.product.findMany({ where: { status: "ACTIVE" }, select: { slug: true, updatedAt: true }, orderBy: { id: "asc" } });
    expect(active.length).toBeGreaterThan(2 * PAGE_SIZE);
    const caller = anonymous();
    const index = await caller.sitemap.index();
    expect(index.products.map((entry) => entry.page)).toEqual([1, 2, 3]);
    const pages = await allPages(caller, "products");
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(pages.flat().map((entry) => entry.path)).toEqual(active.map((product) => `/p/${product.slug}`));
    pages.forEach((page, i) => {
      const newest = Math.max(...page.map((entry) => entry.lastModified.getTime()));
      expect(index.products[i]!.lastModified.getTime()).toBe(newest);
    });
  });

  it("lists only active categories", async () => {
    const active = await prisma.category.findMany({ where: { isActive: true }, select: { slug: true }, orderBy: { id: "asc" } });
    const paths = (await allPages(anonymous(), "categories")).flat().map((entry) => entry.path);
    expect(paths).toEqual(active.map((category) => `/c/${category.slug}`));
    expect(paths.some((path) => path.includes("hidden"))).toBe(false);
  });

  it("reads a page by keyset from its first id, never with OFFSET", async () => {
    const ctx = { db: recorder.db };
    const pages = await sitemapPages(ctx, "products", PAGE_SIZE);
    recorder.statements.length = 0;
    const entries = await sitemapEntries(ctx, "products", pages[2]!, PAGE_SIZE);
    expect(entries).toHaveLength(2);
    expect(recorder.statements).toHaveLength(1);
    expect(recorder.statements[0]).toMatch(/\bid >= \$\d+/);
    expect(recorder.statements[0]).not.toMatch(/\bOFFSET\b/i);
  });

  it("answers NOT_FOUND past the last page and BAD_REQUEST for a bad one", async () => {
    expect(await errorCode(anonymous().sitemap.page({ kind: "products", page: 4 }))).toBe("NOT_FOUND");
    expect(await errorCode(anonymous().sitemap.page({ kind: "products", page: 0 }))).toBe("BAD_REQUEST");
    expect(await errorCode(anonymous().sitemap.page({ kind: "users" as "products", page: 1 }))).toBe("BAD_REQUEST");
  });

  it("follows the catalog: an archived product leaves the sitemap at once", async () => {
    const admin = await createUser(["ADMIN"]);
    const [first] = await prisma.product.findMany({ where: { status: "ACTIVE" }, select: { id: true, slug: true }, orderBy: { id: "asc" }, take: 1 });
    expect((await allPages(anonymous(), "products")).flat().map((entry) => entry.path)).toContain(`/p/${first!.slug}`);
    await admin.caller.admin.product.archive({ id: first!.id });
    const paths = (await allPages(anonymous(), "products")).flat().map((entry) => entry.path);
    expect(paths).not.toContain(`/p/${first!.slug}`);
    expect(paths).toHaveLength(7);
  });
});

describe("store.info", () => {
  it("answers the store's name and currency from the settings", async () => {
    expect(await anonymous().store.info()).toEqual({ name: "Shop", currency: "USD" });
    const admin = await createUser(["ADMIN"]);
    await admin.caller.admin.settings.set({ key: "store.name", value: "Lumen & Loom" });
    expect((await anonymous().store.info()).name).toBe("Lumen & Loom");
  });
});
