// Node CPU and SQL statements per order (cart.add + order.checkout), one buyer placing
// orders one after another through the API (`createCaller`). CPU time, not wall time,
// is the figure: it barely moves when other processes load the machine, while
// throughput does. Statements are counted at the `pg` driver, so Prisma's queries,
// its BEGIN/COMMIT and pg-boss's job insert all count.
// Usage: pnpm bench:checkout-cpu [--orders 300] [--warmup 50] [--profile out.cpuprofile]
//   --profile writes a V8 CPU profile of the measured orders only (no start-up, no
//   warm-up), for Chrome DevTools or any .cpuprofile reader.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createCaller, createInnerContext, disconnectCaches } from "../../packages/api/src/index";
import { disconnectAll, getPrisma, loadDotenvFiles, overrideEnv, type PrismaClient } from "../../packages/db/src/index";
import { deployMigrations } from "../../packages/db/src/migrations";
import { createDatabase } from "../../packages/db/src/postgres/admin";
import { startEmbeddedPostgres } from "../../packages/db/src/postgres/embedded";
import { profiled } from "./profile";

export interface CheckoutCpuOptions {
  /** Orders measured, after `warmup` orders that let the JIT and caches settle. */
  orders?: number;
  warmup?: number;
  /** Writes a CPU profile of the measured orders to this file. */
  profile?: string;
  /** A migrated database to use; without one, an embedded PostgreSQL 16 is started and removed. */
  db?: PrismaClient;
}

export interface CheckoutCpuResult {
  orders: number;
  /** Node CPU (user + system) per order, milliseconds. */
  cpuMsPerOrder: number;
  cartAddCpuMs: number;
  checkoutCpuMs: number;
  /** SQL statements sent per order (BEGIN/COMMIT included). */
  statementsPerOrder: number;
  cartAddStatements: number;
  checkoutStatements: number;
}

/** Counts every statement any `pg` client of this process sends, while installed. */
function countStatements() {
  const original = pg.Client.prototype.query;
  const counter = { count: 0, restore: () => void (pg.Client.prototype.query = original) };
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counter.count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return counter;
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function run(db: PrismaClient, options: Omit<CheckoutCpuOptions, "db"> & { orders: number; warmup: number }): Promise<CheckoutCpuResult> {
  const stamp = Date.now();
  const category = await db.category.create({ data: { name: "CPU bench", slug: `cpu-bench-${stamp}` } });
  // A simple product (a SKU and a quantity) gets one variant with that opening stock.
  const product = await db.product.create({
    data: { name: "CPU bench", slug: `cpu-bench-${stamp}`, sku: `CPU-BENCH-${stamp}`, price: "9.99", quantity: 1_000_000, categoryId: category.id },
    select: { variants: { select: { id: true } } },
  });
  const variantId = product.variants[0]?.id ?? "";
  const user = await db.user.create({ data: { email: `cpu-bench-${stamp}@example.test`, roles: { create: { role: "CUSTOMER" } } } });
  const caller = createCaller(createInnerContext({ session: { user: { id: user.id, email: user.email, roles: ["CUSTOMER"] } }, db }));
  const address = { street: "1 Bench St", city: "Load", state: "LD", zipCode: "00000", country: "US" };

  const totals = { addCpu: 0, checkoutCpu: 0, addStatements: 0, checkoutStatements: 0 };
  let n = 0;
  const counter = countStatements();
  const order = async () => {
    const [cpu0, sql0] = [cpuMicros(), counter.count];
    await caller.cart.add({ variantId, quantity: 1 });
    const [cpu1, sql1] = [cpuMicros(), counter.count];
    await caller.order.checkout({ idempotencyKey: `cpu-bench-${stamp}-${n++}`, address });
    const [cpu2, sql2] = [cpuMicros(), counter.count];
    return { addCpu: cpu1 - cpu0, checkoutCpu: cpu2 - cpu1, addStatements: sql1 - sql0, checkoutStatements: sql2 - sql1 };
  };
  try {
    for (let i = 0; i < options.warmup; i++) await order();
    await profiled(options.profile, async () => {
      for (let i = 0; i < options.orders; i++) {
        const one = await order();
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += one[key];
      }
    });
  } finally {
    counter.restore();
  }
  const per = (value: number, scale = 1) => Math.round((value / options.orders / scale) * 100) / 100;
  return {
    orders: options.orders,
    cpuMsPerOrder: per(totals.addCpu + totals.checkoutCpu, 1_000),
    cartAddCpuMs: per(totals.addCpu, 1_000),
    checkoutCpuMs: per(totals.checkoutCpu, 1_000),
    statementsPerOrder: per(totals.addStatements + totals.checkoutStatements),
    cartAddStatements: per(totals.addStatements),
    checkoutStatements: per(totals.checkoutStatements),
  };
}

/** Measures CPU and statements per order; see the top of this file. */
export async function measureCheckoutCpu(options: CheckoutCpuOptions = {}): Promise<CheckoutCpuResult> {
  const settings = { orders: options.orders ?? 300, warmup: options.warmup ?? 50, profile: options.profile };
  if (options.db) return run(options.db, settings);
  const dataDir = await mkdtemp(join(tmpdir(), "shop-bench-checkout-cpu-"));
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const url = await createDatabase(server.url, "bench_checkout_cpu");
    await deployMigrations(url);
    overrideEnv({ DATABASE_URL: url, REDIS_KEY_PREFIX: `bench-checkout-cpu:${Date.now()}:`, LOG_LEVEL: "error" });
    return await run(getPrisma(), settings);
  } finally {
    await disconnectCaches();
    await disconnectAll();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  loadDotenvFiles();
  const flag = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > -1 ? Number(process.argv[index + 1]) : fallback;
  };
  const profileAt = process.argv.indexOf("--profile");
  const profile = profileAt > -1 ? process.argv[profileAt + 1] : undefined;
  const result = await measureCheckoutCpu({ orders: flag("orders", 300), warmup: flag("warmup", 50), profile });
  console.log(JSON.stringify(result, null, 2));
}
