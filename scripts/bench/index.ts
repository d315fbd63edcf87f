// `pnpm bench`: every figure of issue 11's table, A and B interleaved over rounds in one
// run on one machine, so the ratios compare with each other rather than with another
// machine. Starts its own embedded PostgreSQL 16 (Redis: REDIS_URL), seeds a small and
// a large catalog, measures in process, then over HTTP against the storefront's
// production build; writes bench/results.json and the generated part of docs/performance.md.
//
// Usage: pnpm bench [--quick] [--size 1k,100k] [--rounds N]
//   --quick: 1k and 5k products, 3 short rounds, no build (HTTP figures need an existing
//            `pnpm build`), no seed_100k_s; under five minutes on the 2-core machine.
import "../../packages/db/src/load-env";
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { appsBuilt } from "../../e2e/support/apps";
import { disconnectCaches } from "../../packages/api/src/index";
import { disconnectAll, env, findRepoRoot, getRedis, overrideEnv } from "../../packages/db/src/index";
import { serverMajorVersion } from "../../packages/db/src/postgres/admin";
import { pollUntil } from "../../packages/db/src/testing/processes";
import { measureApiCore } from "./api-core";
import { measureCache } from "./cache";
import { measureCheckout } from "./checkout";
import { amount, compare, figureKeys, notMeasured, type Figure, type FigureKey } from "./figures";
import { measureFrameworkFloor } from "./framework-floor";
import { growthReads, measureGrowth, type GrowthKey } from "./growth";
import { measureOrm } from "./orm";
import { printTable, writePerformanceDoc, writeResults, type Plan, type RunFacts } from "./report";
import { seedShop, startCluster, type Shop } from "./shop";

const root = findRepoRoot(import.meta.dirname);

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index > -1 ? argv[index + 1] : argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  };
  const count = (text: string) => {
    const n = Number(text.toLowerCase().replace(/k$/, "e3"));
    if (!Number.isInteger(n) || n < 100) throw new Error(`--size takes two catalog sizes like 1k,100k (got ${text})`);
    return n;
  };
  const quick = argv.includes("--quick");
  const [small = 0, large = 0] = (value("size") ?? (quick ? "1k,5k" : "1k,100k")).split(",").map(count);
  if (!(small < large)) throw new Error("--size: give the small catalog first, then a larger one");
  const rounds = Number(value("rounds") ?? (quick ? 3 : 5));
  return {
    quick,
    sizes: { small, large },
    rounds,
    /** Time per in-process round of one side, and per HTTP round. */
    budgetMs: quick ? 300 : 2_000,
    httpSeconds: quick ? 2 : 5,
    /** Checkout: orders per buyer per round, and rounds (each round is 50 buyers' orders). */
    ordersEach: quick ? 2 : 10,
    checkoutRounds: quick ? 2 : 3,
  };
}

const options = parseArgs(process.argv.slice(2));
const startedAt = new Date();
const loadBefore = loadavg();
const skipped: string[] = [];
const figures = Object.fromEntries(figureKeys.map((key) => [key, notMeasured(key, "not reached")])) as Record<FigureKey, Figure>;
const plans: Plan[] = [];
let failed = false;

/** A figure that fails is recorded as not measured, with why; the run goes on and exits 1. */
async function take(key: FigureKey, work: () => Promise<Figure>) {
  console.log(`measuring ${key}…`);
  try {
    figures[key] = await work();
  } catch (error) {
    failed = true;
    console.error(`${key} failed:`, error);
    figures[key] = notMeasured(key, `failed: ${(error as Error).message.split("\n")[0] ?? ""}`);
  }
}

if (!appsBuilt()) {
  if (options.quick) skipped.push("framework_floor, SSR and RSS: no production build (run `pnpm build`, or the bench without --quick)");
  else {
    console.log("No production build: running `pnpm build` first.");
    if (spawnSync("pnpm", ["build"], { cwd: root, stdio: "inherit" }).status !== 0) throw new Error("pnpm build failed");
  }
}

overrideEnv({ REDIS_KEY_PREFIX: `bench:${Date.now()}:`, LOG_LEVEL: "warn" });
// The cache figures need Redis: fail now, not after seeding (polled: on a busy machine
// one PING can outlast the client's short command timeout).
await pollUntil(`Redis at ${env().REDIS_URL}`, () => getRedis().ping().then(() => true, () => false), 10_000, 250);
const cluster = await startCluster();
let postgres = "PostgreSQL";
try {
  postgres = `PostgreSQL ${await serverMajorVersion(cluster.server.url)} (embedded, durable settings)`;
  const shops: Record<"small" | "large", Shop> = {
    small: await cluster.database(`bench_${options.sizes.small}`),
    large: await cluster.database(`bench_${options.sizes.large}`),
  };
  for (const size of ["small", "large"] as const) {
    console.log(`seeding ${options.sizes[size]} products…`);
    const seconds = await seedShop(shops[size], options.sizes[size]);
    console.log(`  ${options.sizes[size]} products in ${seconds.toFixed(1)} s`);
    if (options.sizes[size] === 100_000) figures.seed_100k_s = amount("seed_100k_s", seconds, "s", { note: "scripts/seed/run.ts seed() in process, durable PostgreSQL" });
  }
  if (options.sizes.large !== 100_000) {
    skipped.push(`seed_100k_s: the large catalog is ${options.sizes.large} products`);
    figures.seed_100k_s = notMeasured("seed_100k_s", `the large catalog is ${options.sizes.large} products`);
  }

  const slugs = (await shops.small.db.product.findMany({ where: { status: "ACTIVE" }, select: { slug: true }, orderBy: { slug: "asc" }, take: 50 })).map((p) => p.slug);
  await take("cache", () => measureCache(shops.large, slugs, options.rounds, options.budgetMs));
  await take("orm", () => measureOrm(shops.large, options.rounds, options.budgetMs));
  const reads = growthReads(slugs);
  for (const key of Object.keys(reads) as GrowthKey[]) {
    await take(key, async () => {
      const { figure, plans: taken } = await measureGrowth(key, reads[key], shops, options.rounds, options.budgetMs);
      plans.push(...taken);
      // The goal is for 1k → 100k: smaller catalogs show the trend, not whether it is met.
      return options.sizes.large === 100_000 ? figure : { ...figure, met: null, note: `goal is for 100k products; this run: ${options.sizes.small} → ${options.sizes.large}` };
    });
  }
  await take("checkout_orders_per_s", () => measureCheckout(cluster, options.checkoutRounds, options.ordersEach));
  await take("api_core", async () => {
    shops.large.activate(); // the served handler reads the database of DATABASE_URL
    const core = await measureApiCore({ rounds: options.rounds, seconds: options.httpSeconds });
    const side = (label: string, perSecond: number, latency: { p50: number; p99: number }) => ({ label, perSecond, p50Ms: latency.p50, p99Ms: latency.p99 });
    return compare(
      "api_core",
      side("tRPC fetch handler on node:http, cached product.list", core.a, core.latency.a),
      side("bare node:http + one Redis GET, same bytes", core.b, core.latency.b),
      "rate",
      `${core.bytes} bytes; median of per-round ratios ${core.roundRatio.toFixed(2)}`,
    );
  });
  if (appsBuilt()) await take("framework_floor", () => measureFrameworkFloor(shops.large, slugs[0] ?? "", options.rounds, options.httpSeconds));
  else figures.framework_floor = notMeasured("framework_floor", "no production build");
} finally {
  await disconnectCaches();
  await cluster.stop();
  await disconnectAll();
}

const facts: RunFacts = {
  mode: options.quick ? "quick" : "full",
  sizes: options.sizes,
  rounds: options.rounds,
  startedAt,
  seconds: (Date.now() - startedAt.getTime()) / 1000,
  loadBefore,
  loadAfter: loadavg(),
  postgres,
  skipped,
};
printTable(figures, facts);
console.log(`\nwrote ${await writeResults(root, figures)} and ${await writePerformanceDoc(root, figures, facts, plans)}`);
if (failed) process.exitCode = 1;
