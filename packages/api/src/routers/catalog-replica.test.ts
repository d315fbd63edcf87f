import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { CatalogReads, createRedisClient, env, getRedis, overrideEnv, prisma } from "@shop/db";
import { freePort, pollUntil, startStreamingReplica, testServerUrl, withClient, withDatabase, type RunningReplica } from "@shop/db/testing";
import { createCache } from "../lib/cache";
import { callerFor, createProduct, createUser } from "../test/helpers";

// One streaming replica of the test server for the whole file (built in about a second).
let replica: RunningReplica;
let replicaUrl: string;
let storefrontReads: CatalogReads;
const caches = [createCache({ redis: getRedis(), bus: true }), createCache({ redis: getRedis(), bus: true })];
// Two instances on one Redis and database: the admin and a storefront that reads a replica.
const [adminCache, storefrontCache] = caches as [ReturnType<typeof createCache>, ReturnType<typeof createCache>];

beforeAll(async () => {
  replica = await startStreamingReplica(testServerUrl());
  const database = new URL(env().DATABASE_URL).pathname.slice(1);
  replicaUrl = withDatabase(replica.url, database);
  storefrontReads = new CatalogReads({ primary: prisma, redis: getRedis(), replicaUrls: [replicaUrl] });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(caches.map((cache) => cache.disconnectAll()));
  await storefrontReads?.disconnect();
  await replica?.stop();
});

const storefront = () => callerFor(null, { catalog: storefrontReads, cache: storefrontCache });
/** Whether a catalog read through `reads` runs on a standby right now. */
const answersFromStandby = (reads: CatalogReads) =>
  reads.read((db) => db.$queryRaw<[{ standby: boolean }]>`SELECT pg_is_in_recovery() AS standby`.then(([row]) => row.standby));
const readsReplica = () => answersFromStandby(storefrontReads);
const position = (row: { at: string } | undefined) => Number(row?.at);
const watermark = () => getRedis().get("replica:watermark");

/** Waits until the replica has replayed everything the primary had written when called. */
async function replicaCaughtUp(): Promise<void> {
  const [primary] = await prisma.$queryRaw<[{ at: string }]>`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS at`;
  const replayed = () => withClient(replicaUrl, (client) => client.query<{ at: string }>("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::text AS at"));
  await pollUntil("the replica to replay the primary", async () => position((await replayed()).rows[0]) >= position(primary), 10_000, 20);
}

/** Runs `work` with the replica's replay paused: it answers with what it had, like one that lags. */
async function whileLagging(work: () => Promise<void>): Promise<void> {
  await replica.pauseReplay();
  try {
    await work();
  } finally {
    await replica.resumeReplay();
  }
}

describe("read replicas", () => {
  it("serve public catalog reads; a product made while the replica lags is found by the cart (primary), not by the catalog", async () => {
    const { product } = await createProduct({ price: "10.00" });
    await replicaCaughtUp();
    // Also sets the watermark (none yet) to the primary's position now, which the replica has reached.
    expect(await readsReplica()).toBe(true);
    await whileLagging(async () => {
      // A change no invalidation announced: only a read on the replica misses it.
      await prisma.product.update({ where: { id: product.id }, data: { name: "Renamed on the primary" } });
      expect((await storefront().product.bySlug({ slug: product.slug })).name).toBe("Test Product");
      expect(await readsReplica()).toBe(true);

      const { product: fresh } = await createProduct({ price: "7.00", stock: 3 });
      await expect(storefront().product.bySlug({ slug: fresh.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
      const customer = await createUser();
      const cart = await callerFor(customer.session, { catalog: storefrontReads }).cart.add({ variantId: fresh.variants[0]!.id, quantity: 1 });
      expect(cart.items.map((item) => item.lineTotal.toFixed(2))).toEqual(["7.00"]);
    });
  });

  it("never refill the cache with a lagging replica's old price after an edit made on another instance", async () => {
    const { product } = await createProduct({ price: "10.00" });
    const admin = await createUser(["ADMIN"]);
    await replicaCaughtUp();
    expect((await storefront().product.bySlug({ slug: product.slug })).price.toFixed(2)).toBe("10.00");

    // The admin process has the deployment's environment, replicas named: its edits raise the watermark.
    overrideEnv({ DATABASE_REPLICA_URL: replicaUrl });
    try {
      await whileLagging(async () => {
        const edited = await callerFor(admin.session, { cache: adminCache }).admin.product.update({ id: product.id, price: "20.00" });
        expect(edited.price.toFixed(2)).toBe("20.00");
        // Polled: the bus evicts the storefront's memory tier a few milliseconds after the edit.
        await pollUntil("the storefront to serve the edited price", async () => (await storefront().product.bySlug({ slug: product.slug })).price.toFixed(2) === "20.00", 5_000, 20);
        // The replica still has the old price, and is passed over until it replays the edit.
        const { rows } = await withClient(replicaUrl, (client) => client.query<{ price: string }>('SELECT price::text AS price FROM "Product" WHERE id = $1', [product.id]));
        expect(rows).toEqual([{ price: "10.00" }]);
        expect(await readsReplica()).toBe(false);
      });
    } finally {
      overrideEnv({ DATABASE_REPLICA_URL: undefined });
    }
    await replicaCaughtUp();
    expect(await readsReplica()).toBe(true);
    expect((await storefront().product.bySlug({ slug: product.slug })).price.toFixed(2)).toBe("20.00");
  });

  it("leave the watermark alone where the deployment names none, and raise it where an instance has one", async () => {
    await storefrontReads.changed();
    const before = await watermark();
    // A write moves the primary's position, so a raise now would show.
    await createProduct();
    // No replica given, none in DATABASE_REPLICA_URL: an invalidation asks neither the primary nor Redis.
    await new CatalogReads({ primary: prisma, redis: getRedis() }).changed();
    expect(await watermark()).toBe(before);
    await storefrontReads.changed();
    expect(Number(await watermark())).toBeGreaterThan(Number(before));
  });

  it("read the primary while Redis, which holds the watermark, is down, though the replica has caught up", async () => {
    await replicaCaughtUp();
    const redis = createRedisClient({ url: `redis://127.0.0.1:${await freePort()}` });
    const blind = new CatalogReads({ primary: prisma, redis, replicaUrls: [replicaUrl] });
    try {
      expect(await answersFromStandby(blind)).toBe(false);
      expect(await readsReplica()).toBe(true);
    } finally {
      await blind.disconnect();
      redis.disconnect();
    }
  });

  it("fall back to the primary when the replica is down, and leave it alone for a while", async () => {
    const { product } = await createProduct({ price: "12.00" });
    // A "replica" that hangs up on every connection, counting them.
    let attempts = 0;
    const dead = createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    const port = await freePort();
    await new Promise<void>((resolve) => dead.listen(port, "127.0.0.1", resolve));
    const down = new CatalogReads({ primary: prisma, redis: getRedis(), replicaUrls: [`postgresql://postgres:postgres@127.0.0.1:${port}/shop`], retryMs: 60_000 });
    try {
      const caller = callerFor(null, { catalog: down, cache: createCache({ redis: getRedis(), prefix: "replica-down" }) });
      expect((await caller.product.bySlug({ slug: product.slug })).price.toFixed(2)).toBe("12.00");
      const tried = attempts;
      expect(tried).toBeGreaterThan(0);
      expect(await answersFromStandby(down)).toBe(false);
      expect(attempts).toBe(tried);
    } finally {
      await down.disconnect();
      await new Promise((resolve) => dead.close(resolve));
    }
  });
});
