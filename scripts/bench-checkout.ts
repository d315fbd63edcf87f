// Checkout throughput: 50 buyers at once, each placing orders through the API
// (`createCaller`), against an embedded PostgreSQL 16 and the local Redis. Prints
// orders per second for checkout alone and for checkout + payment (test provider),
// against a baseline measured in the same run: the same buyers adding to their carts.
// Usage: pnpm bench:checkout [--buyers 50] [--orders 20] [--products 20]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller, createInnerContext, disconnectCaches } from "../packages/api/src/index";
import { disconnectAll, getPrisma, loadDotenvFiles, overrideEnv } from "../packages/db/src/index";
import { deployMigrations } from "../packages/db/src/migrations";
import { createDatabase } from "../packages/db/src/postgres/admin";
import { startEmbeddedPostgres } from "../packages/db/src/postgres/embedded";

loadDotenvFiles();
const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? Number(process.argv[index + 1]) : fallback;
};
const buyers = flag("buyers", 50);
const ordersEach = flag("orders", 20);
const products = flag("products", 20);
const address = { street: "1 Bench St", city: "Load", state: "LD", zipCode: "00000", country: "US" };

const dataDir = await mkdtemp(join(tmpdir(), "shop-bench-checkout-"));
const server = await startEmbeddedPostgres({ dataDir });
try {
  const url = await createDatabase(server.url, "bench_checkout");
  await deployMigrations(url);
  overrideEnv({ DATABASE_URL: url, REDIS_KEY_PREFIX: `bench-checkout:${Date.now()}:`, LOG_LEVEL: "error", DATABASE_POOL_MAX: String(buyers + 10), DATABASE_CONNECT_TIMEOUT_MS: "30000" });
  // A connection per buyer: this measures checkout itself, not waiting for the pool (issue 10 covers bursts past the pool).
  const db = getPrisma();
  const category = await db.category.create({ data: { name: "Bench", slug: "bench" } });
  // Simple products (a SKU and a quantity): each gets one variant with that opening stock.
  await db.product.createMany({
    data: Array.from({ length: products }, (_, i) => ({ name: `Bench ${i}`, slug: `bench-${i}`, sku: `BENCH-${i}`, price: "9.99", quantity: 1_000_000, categoryId: category.id })),
  });
  const variants = (await db.productVariant.findMany({ select: { id: true }, orderBy: { sku: "asc" } })).map((v) => v.id);
  const callers = await Promise.all(
    Array.from({ length: buyers }, async (_, i) => {
      const user = await db.user.create({ data: { email: `bench-${i}@example.test`, roles: { create: { role: "CUSTOMER" } } } });
      return createCaller(createInnerContext({ session: { user: { id: user.id, email: user.email, roles: ["CUSTOMER"] } }, db }));
    }),
  );
  const variant = (buyer: number, n: number) => variants[(buyer * 7 + n * 13) % variants.length] ?? "";

  /** Every buyer does `ordersEach` rounds of `work` at once; rounds per second over all buyers. */
  async function measure(label: string, work: (caller: (typeof callers)[number], buyer: number, n: number) => Promise<unknown>) {
    const started = process.hrtime.bigint();
    await Promise.all(callers.map(async (caller, buyer) => {
      for (let n = 0; n < ordersEach; n++) await work(caller, buyer, n);
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { label, perSecond: (buyers * ordersEach) / seconds };
  }

  let key = 0;
  const results = [
    await measure("cart.add (baseline)", (caller, buyer, n) => caller.cart.add({ variantId: variant(buyer, n), quantity: 1 }).then(() => caller.cart.clear())),
    await measure("cart.add + order.checkout", async (caller, buyer, n) => {
      await caller.cart.add({ variantId: variant(buyer, n), quantity: 1 });
      await caller.order.checkout({ idempotencyKey: `bench-order-${key++}`, address });
    }),
    await measure("cart.add + checkout + pay (test provider)", async (caller, buyer, n) => {
      await caller.cart.add({ variantId: variant(buyer, n), quantity: 1 });
      const order = await caller.order.checkout({ idempotencyKey: `bench-order-${key++}`, address });
      await caller.payment.createIntent({ orderId: order.id });
      await caller.payment.confirm({ orderId: order.id });
    }),
  ];
  const baseline = results[0]?.perSecond ?? 1;
  console.log(`\n${buyers} buyers at once, ${ordersEach} rounds each, ${products} products, PostgreSQL 16 embedded:\n`);
  for (const { label, perSecond } of results) {
    console.log(`${label.padEnd(45)} ${perSecond.toFixed(1).padStart(8)} /s   ${(perSecond / baseline).toFixed(2)}x baseline`);
  }
  const stock = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT bool_and(i."onHand" = (SELECT COALESCE(sum(t."delta"), 0) FROM "InventoryTransaction" t WHERE t."variantId" = i."variantId")) AS ok FROM "Inventory" i`;
  console.log(`\nstock on hand equals the ledger for every variant: ${stock[0]?.ok}`);
} finally {
  await disconnectCaches();
  await disconnectAll();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
