import { prisma } from "@shop/db";
import { expect, it } from "vitest";
import { freePort } from "../packages/db/src/postgres/embedded";
import { customerAccount } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { signIn } from "./support/browser";

// Nothing listens on this port: the apps run as if Redis had gone away.
const shop = useShop({ seed: { products: 12, customers: 1, orders: 0 }, env: async () => ({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }) });

it("keeps the shop open from PostgreSQL while Redis is down: browse, sign in, add to cart", async () => {
  const product = await prisma.product.findFirstOrThrow({
    where: { status: "ACTIVE", variants: { some: { isActive: true, inventory: { onHand: { gt: 0 } } } } },
    select: { name: true, slug: true },
    orderBy: { name: "asc" },
  });
  const customer = customerAccount(1);
  const page = await shop.page();

  const health = await page.request.get(`${shop.apps.storefront}/api/trpc/health.check`);
  expect(await health.text()).toContain("degraded");

  await signIn(page, shop.apps.storefront, customer.email, customer.password);
  await page.waitForURL(`${shop.apps.storefront}/`);

  await page.goto(`${shop.apps.storefront}/p/${product.slug}`);
  await expect(page.getByRole("heading", { name: product.name }).waitFor()).resolves.toBeUndefined();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor()).resolves.toBeUndefined();
  expect(shop.apps.output()).not.toMatch(/unhandled|uncaught/i);
});

it("recovers when PostgreSQL drops every connection (a restart or failover)", async () => {
  const product = await prisma.product.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { name: true, slug: true }, orderBy: { name: "desc" } });
  const page = await shop.page();
  await page.goto(`${shop.apps.storefront}/p/${product.slug}`);
  await page.getByRole("heading", { name: product.name }).waitFor();

  // Cut every session of this database but our own, as a server restart would.
  const cut = await prisma.$queryRaw<{ terminated: boolean }[]>`
    SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  expect(cut.length).toBeGreaterThan(0);

  // The apps' pools drop the dead connections and open new ones: the very next query
  // (health.check always asks PostgreSQL, no cache) and the next page load work.
  const health = await page.request.get(`${shop.apps.storefront}/api/trpc/health.check`);
  expect(await health.text()).toContain('"database":"up"');
  expect((await page.reload())?.status()).toBe(200);
  await page.getByRole("heading", { name: product.name }).waitFor();
});
