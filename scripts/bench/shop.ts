// The databases a run measures: one embedded PostgreSQL 16, a migrated template, and a
// database per catalog size cloned from it (one `prisma migrate deploy`, not one per size).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInnerContext, type Context, type Session } from "../../packages/api/src/index";
import { createCache, type Cache } from "../../packages/api/src/lib/cache";
import { createPrismaClient, getRedis, overrideEnv, type PrismaClient } from "../../packages/db/src/index";
import { deployMigrations } from "../../packages/db/src/migrations";
import { createDatabase, databaseName } from "../../packages/db/src/postgres/admin";
import { startEmbeddedPostgres, type RunningPostgres } from "../../packages/db/src/postgres/embedded";
import { seed } from "../seed/run";

export interface Shop {
  name: string;
  url: string;
  db: PrismaClient;
  /** This database's own cache namespace: cached entries (category ids!) differ per database. */
  cache: Cache;
  context(session?: Session): Context;
  /** A context whose every cached read computes afresh: the "uncached" side of a figure. */
  uncachedContext(): Context;
  /**
   * Points DATABASE_URL here: the job producer (@shop/jobs) finds its queues in the
   * database of DATABASE_URL, so work that enqueues (checkout) must run with it set.
   */
  activate(): void;
}

/**
 * Bypasses the cache without changing the code under test: `cached()` calls getOrSet
 * with its factory, and here getOrSet simply runs it (no memory tier, no Redis).
 */
const passThrough = {
  getOrSet: ({ factory }: { factory: () => Promise<unknown> }) => factory(),
  deleteByTag: async () => true,
} as unknown as Cache;

export interface Cluster {
  server: RunningPostgres;
  /** A fresh database with the schema (and pg-boss's), cloned from the migrated template. */
  database(name: string, options?: { poolMax?: number }): Promise<Shop>;
  stop(): Promise<void>;
}

/**
 * Starts the cluster with default (durable) settings: fsync off would flatter every
 * write figure (checkout, seed) against a production server.
 */
export async function startCluster(): Promise<Cluster> {
  const dataDir = await mkdtemp(join(tmpdir(), "shop-bench-"));
  const server = await startEmbeddedPostgres({ dataDir });
  const shops: Shop[] = [];
  try {
    const template = await createDatabase(server.url, "bench_template");
    await deployMigrations(template);
    return {
      server,
      async database(name, options = {}) {
        const url = await createDatabase(server.url, name, databaseName(template));
        const db = createPrismaClient({ url, applicationName: `bench-${name}`, ...(options.poolMax ? { poolMax: options.poolMax, poolQueueMax: options.poolMax } : {}) });
        const cache = createCache({ redis: getRedis(), prefix: `cache-${name}` });
        const shop: Shop = { name, url, db, cache, context: (session = null) => createInnerContext({ session, db, cache }),
          uncachedContext: () => createInnerContext({ session: null, db, cache: passThrough }),
          activate: () => overrideEnv({ DATABASE_URL: url }),
        };
        shops.push(shop);
        return shop;
      },
      async stop() {
        await Promise.all(shops.map((shop) => Promise.all([shop.db.$disconnect(), shop.cache.disconnectAll()])));
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Seeds `products` through the API (scripts/seed/run.ts) and says how long it took. */
export async function seedShop(shop: Shop, products: number): Promise<number> {
  shop.activate();
  const started = performance.now();
  await seed({ db: shop.db, products, log: (line) => console.log(`  [seed ${shop.name}] ${line}`) });
  const seconds = (performance.now() - started) / 1000;
  // seed() fills the process-wide cache (createInnerContext's default) with this
  // database's entries; the next database must not read them.
  await createInnerContext({ session: null, db: shop.db }).cache.clear();
  return seconds;
}
