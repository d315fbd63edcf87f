// Read-path benchmark: the same product page served several ways, in one run, so the
// figures compare with each other rather than with another machine: in process
// through the API, then over HTTP through the storefront's production build (when
// `pnpm build` has made one) against Next.js serving a static file.
// Usage: pnpm bench [--requests N] [--concurrency C]   (needs Redis; starts an embedded PostgreSQL 16)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller, createInnerContext, disconnectCaches } from "../packages/api/src/index";
import { currentRoles } from "../packages/api/src/lib/roles";
import { productBySlug } from "../packages/api/src/routers/product/bySlug.handler";
import { disconnectAll, getPrisma, loadDotenvFiles, overrideEnv } from "../packages/db/src/index";
import { deployMigrations } from "../packages/db/src/migrations";
import { createDatabase } from "../packages/db/src/postgres/admin";
import { startEmbeddedPostgres } from "../packages/db/src/postgres/embedded";
import { appsBuilt, startApps } from "../e2e/support/apps";
import { seed } from "./seed/run";

loadDotenvFiles();
const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? Number(process.argv[index + 1]) : fallback;
};
const requests = flag("requests", 5_000);
const concurrency = flag("concurrency", 16);

async function measure(label: string, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await work(i); // warm-up
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) await work(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, perSecond: requests / seconds };
}

const dataDir = await mkdtemp(join(tmpdir(), "shop-bench-"));
const server = await startEmbeddedPostgres({ dataDir });
try {
  const url = await createDatabase(server.url, "bench");
  await deployMigrations(url);
  overrideEnv({ DATABASE_URL: url, REDIS_KEY_PREFIX: `bench:${Date.now()}:`, LOG_LEVEL: "warn" });
  const db = getPrisma();
  await seed({ db, products: 500, customers: 4 });
  const slugs = (await db.product.findMany({ select: { slug: true }, take: 50 })).map((p) => p.slug);
  const slug = (i: number) => slugs[i % slugs.length] ?? "";
  const ctx = createInnerContext({ session: null, db });
  const { id: staffId } = await db.user.findFirstOrThrow({ where: { roles: { some: { role: "STAFF" } } }, select: { id: true } });
  const caller = createCaller(ctx);

  const results = [
    await measure("prisma findFirst (baseline: one query, no API)", (i) => db.product.findFirst({ where: { slug: slug(i) }, select: { id: true, price: true } })),
    // Staff and admin procedures read the caller's roles on every call (not cached, so a removed role stops at once).
    await measure("role check of a staff call (currentRoles)", () => currentRoles(ctx, staffId)),
    await measure("product.bySlug handler, uncached", (i) => productBySlug(ctx, slug(i))),
    await measure("product.bySlug via caller, cached", (i) => caller.product.bySlug({ slug: slug(i) })),
    await measure("product.list via caller, cached", (i) => caller.product.list({ sort: i % 2 ? "price_asc" : "newest" })),
  ];
  const baseline = results[0]?.perSecond ?? 1;
  console.log(`\n${requests} requests per case, ${concurrency} at a time, PostgreSQL 16 embedded, Redis local:\n`);
  for (const { label, perSecond } of results) {
    // Work done in this process (a cache hit) is served one request at a time, so 1/throughput is its cost.
    console.log(`${label.padEnd(50)} ${perSecond.toFixed(0).padStart(8)} req/s ${(1e6 / perSecond).toFixed(1).padStart(8)} µs each   ${(perSecond / baseline).toFixed(2)}x baseline`);
  }
  const uncached = results[2]?.perSecond ?? 1;
  console.log(`\ncached / uncached product page: ${((results[3]?.perSecond ?? 0) / uncached).toFixed(1)}x`);

  if (!appsBuilt()) {
    console.log("\nHTTP cases skipped: run `pnpm build` first to benchmark the storefront's production build.");
  } else {
    const apps = await startApps();
    try {
      const get = (path: string) => async () => {
        const response = await fetch(`${apps.storefront}${path}`);
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        await response.arrayBuffer();
      };
      const input = (i: number) => encodeURIComponent(JSON.stringify({ json: { slug: slug(i) } }));
      const http = [
        await measure("next: static file (baseline: Next.js itself)", get("/icon.svg")),
        await measure("next: /api/trpc/product.bySlug, cached", (i) => get(`/api/trpc/product.bySlug?input=${input(i)}`)()),
        await measure("next: product page /p/<slug>, server-rendered", (i) => get(`/p/${slug(i)}`)()),
      ];
      const nextBaseline = http[0]?.perSecond ?? 1;
      console.log(`\nOver HTTP, storefront production build, same machine as the load:\n`);
      for (const { label, perSecond } of http) {
        console.log(`${label.padEnd(50)} ${perSecond.toFixed(0).padStart(8)} req/s   ${(perSecond / nextBaseline).toFixed(2)}x static`);
      }
    } finally {
      await apps.stop();
    }
  }
} finally {
  await disconnectCaches();
  await disconnectAll();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
