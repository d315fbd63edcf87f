// checkout_orders_per_s: 50 buyers at once, each adding to the cart and checking out
// through the API (`createCaller`, a connection each), over 100 variants; then the
// same 50 buyers racing for one hot variant, which must sell exactly its stock.
import { TRPCError } from "@trpc/server";
import { createCaller } from "../../packages/api/src/index";
import { amount, type Amount } from "./figures";
import { interleave, type Round } from "./measure";
import type { Cluster } from "./shop";

const BUYERS = 50;
const VARIANTS = 100;
const HOT_STOCK = 100;
const address = { street: "1 Bench St", city: "Load", state: "LD", zipCode: "00000", country: "US" };

export async function measureCheckout(cluster: Cluster, rounds: number, ordersEach: number): Promise<Amount> {
  // A connection per buyer: this measures checkout itself, not waiting for the pool.
  const shop = await cluster.database("bench_checkout", { poolMax: BUYERS + 10 });
  shop.activate();
  const { db } = shop;
  const category = await db.category.create({ data: { name: "Bench", slug: "bench" }, select: { id: true } });
  // Simple products (a SKU and a quantity): each gets one variant with that opening stock.
  const product = (i: number, quantity: number) => ({ name: `Bench ${i}`, slug: `bench-${i}`, sku: `BENCH-${i}`, price: "9.99", quantity, categoryId: category.id });
  await db.product.createMany({ data: [...Array.from({ length: VARIANTS }, (_, i) => product(i, 1_000_000)), product(VARIANTS, HOT_STOCK)] });
  const variants = (await db.productVariant.findMany({ select: { id: true, sku: true }, orderBy: { sku: "asc" } }));
  const hot = variants.find((v) => v.sku === `BENCH-${VARIANTS}`)?.id ?? "";
  const spread = variants.filter((v) => v.id !== hot).map((v) => v.id);
  const callers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const user = await db.user.create({ data: { email: `bench-${i}@example.test`, roles: { create: { role: "CUSTOMER" } } }, select: { id: true, email: true } });
      return createCaller(shop.context({ user: { id: user.id, email: user.email, roles: ["CUSTOMER"] } }));
    }),
  );

  let key = 0;
  const round = async (): Promise<Round> => {
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      callers.map(async (caller, buyer) => {
        for (let n = 0; n < ordersEach; n++) {
          const before = performance.now();
          await caller.cart.add({ variantId: spread[(buyer * 7 + key * 13) % spread.length] ?? "", quantity: 1 });
          await caller.order.checkout({ idempotencyKey: `bench-order-${key++}`, address });
          latencies.push(performance.now() - before);
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    return { ops: latencies.length, seconds: (performance.now() - started) / 1000, latencies, cpuMs: (used.user + used.system) / 1000 };
  };
  const { orders } = await interleave({ orders: { label: `${BUYERS} buyers: cart.add + order.checkout over ${VARIANTS} variants`, run: round } }, rounds);

  // The hot variant: every buyer buys one at a time until checkout refuses for stock.
  let sold = 0;
  const hotStarted = performance.now();
  await Promise.all(
    callers.map(async (caller) => {
      for (;;) {
        await caller.cart.clear();
        await caller.cart.add({ variantId: hot, quantity: 1 });
        try {
          await caller.order.checkout({ idempotencyKey: `bench-hot-${key++}`, address });
          sold++;
        } catch (error) {
          if (error instanceof TRPCError && error.code === "CONFLICT") return;
          throw error;
        }
      }
    }),
  );
  const hotSeconds = (performance.now() - hotStarted) / 1000;
  const inventory = await db.inventory.findUniqueOrThrow({ where: { variantId: hot }, select: { onHand: true, reserved: true } });
  const oversold = Math.max(0, sold - HOT_STOCK, inventory.reserved - inventory.onHand);
  if (oversold > 0 || sold !== HOT_STOCK || inventory.reserved !== sold) {
    throw new Error(`hot variant: stock ${HOT_STOCK}, ${sold} orders placed, ${inventory.reserved} reserved of ${inventory.onHand} on hand (${oversold} oversold)`);
  }
  return amount("checkout_orders_per_s", orders.perSecond, "orders/s", {
    label: orders.label,
    p50Ms: orders.p50Ms,
    p99Ms: orders.p99Ms,
    cpuMsPerOrder: orders.cpuMs,
    hot: { buyers: BUYERS, stock: HOT_STOCK, sold, oversold, ordersPerSecond: sold / hotSeconds },
  });
}
