import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisClient, type RedisClient, type RedisNode, type RedisTopology } from "@shop/db";
import { pollUntil, startRedisCluster, startRedisSentinels, type RedisCluster, type RedisSentinelGroup } from "@shop/db/testing";
import { createCache, dropBusConnections } from "./cache";
import { limiter } from "./limiter";
import { callerFor, createProduct, createUser, unique } from "../test/helpers";

/**
 * The cache, its bus and the rate limits on real Redis Cluster and Sentinel setups
 * (redis-server processes this file starts), through a master's crash: reads keep
 * working, health.check shows the outage while it lasts, and after the failover an edit
 * reaches the other instance within a second and limits are shared again.
 */
let cluster: RedisCluster;
let sentinels: RedisSentinelGroup;
const clients: RedisClient[] = [];

beforeAll(async () => {
  const started = Date.now();
  [cluster, sentinels] = await Promise.all([startRedisCluster(), startRedisSentinels()]);
  console.info(`redis-ha: cluster and sentinel group started in ${Date.now() - started} ms`);
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  dropBusConnections();
  await Promise.all([cluster?.stop(), sentinels?.stop()]);
});

/** One app instance: its own Redis client, and its cache (with the bus) on it. */
function instance(topology: RedisTopology, prefix: string) {
  const redis = createRedisClient({ topology });
  clients.push(redis);
  const cache = createCache({ redis, bus: true, prefix });
  let heard = 0;
  cache.on("bus:message:received", () => heard++);
  return { redis, cache, heard: () => heard, caller: callerFor(null, { redis, cache }) };
}

interface Setup {
  topology: () => RedisTopology;
  /** Crashes the master the cache with `prefix` lives on. */
  crashMaster: (prefix: string) => Promise<RedisNode>;
  /** The master Redis names for that cache now. */
  master: (prefix: string) => Promise<RedisNode>;
}

const setups: Record<string, Setup> = {
  "Redis Cluster, 3 masters and 3 replicas": {
    topology: () => ({ kind: "cluster", nodes: cluster.nodes }),
    crashMaster: async (prefix) => {
      const master = await cluster.masterOf(`{${prefix}}`);
      await cluster.kill(master);
      return master;
    },
    master: (prefix) => cluster.masterOf(`{${prefix}}`),
  },
  "Redis Sentinel, a master, a replica and 3 sentinels": {
    topology: () => ({ kind: "sentinel", sentinels: sentinels.sentinels, name: sentinels.name }),
    crashMaster: async () => {
      const master = await sentinels.master();
      await sentinels.kill(master);
      return master;
    },
    master: () => sentinels.master(),
  },
};

describe("a cache on one node of a cluster, as a single-server client", () => {
  it("shows in health.check that its Redis tier fails (MOVED) while PING works", async () => {
    const prefix = unique("moved");
    const elsewhere = await cluster.masterOf(`{${prefix}}`);
    const node = cluster.nodes.find(({ port }) => port !== elsewhere.port);
    const { redis, cache, caller } = instance({ kind: "standalone", url: `redis://${node?.host}:${node?.port}` }, prefix);
    expect(await redis.ping()).toBe("PONG");
    expect(await cache.getOrSet({ key: "k", factory: () => "from the database" })).toBe("from the database");
    expect(await caller.health.check()).toEqual({ status: "degraded", database: "up", cache: "down" });
  });
});

describe.concurrent.each(Object.entries(setups))("%s", (_name, setup) => {
  it("serves reads through a master's crash, shows it in health.check, then shares edits and limits again", async () => {
    const prefix = unique("ha");
    const [editor, reader] = [instance(setup.topology(), prefix), instance(setup.topology(), prefix)];
    const { product } = await createProduct({ price: "10.00" });
    const admin = await createUser(["ADMIN"]);
    const staff = callerFor(admin.session, { redis: editor.redis, cache: editor.cache });
    const read = async () => (await reader.caller.product.bySlug({ slug: product.slug })).price.toFixed(2);
    const health = async (of = reader) => (await of.caller.health.check()).cache;

    // Connected first: a cold client's first command (finding the master or the slots,
    // connecting) can outlast the command timeout on a loaded machine.
    await pollUntil("both instances' caches to reach Redis", async () => (await health(editor)) === "up" && (await health(reader)) === "up", 15_000, 100);

    // Every use of Redis together, none refused with CROSSSLOT or MOVED: entries and tag
    // timestamps of several keys, a multi-key delete, tag invalidation, rate limits.
    await Promise.all(["a", "b", "c"].map((key) => editor.cache.getOrSet({ key, tags: [`t-${key}`, "all"], factory: () => key })));
    await editor.cache.deleteMany({ keys: ["a", "b", "c"] });
    await editor.cache.deleteByTag({ tags: ["t-a", "t-b", "all"] });
    expect(await read()).toBe("10.00");
    expect([await health(editor), await health(reader)]).toEqual(["up", "up"]);

    // Rate limits: both instances spend from one counter.
    const rule = { name: unique("shared"), points: 5, durationSec: 60 };
    const spendFromBoth = async (key: string) => {
      await limiter(editor.redis, rule).consume(key, 2);
      return (await limiter(reader.redis, rule).consume(key, 1)).consumedPoints;
    };
    expect(await spendFromBoth("before")).toBe(3);

    // The reader hears the bus before the crash.
    await pollUntil("the reader to hear the bus", async () => {
      await editor.cache.deleteByTag({ tags: ["probe"] });
      return reader.heard() > 0;
    }, 5_000, 50);

    const crashed = Date.now();
    const old = await setup.crashMaster(prefix);
    // How long Redis itself takes to promote the replica (the cache then waits out its circuit breaker).
    const promoted = pollUntil("a replica to be promoted", async () => (await setup.master(prefix).catch(() => old)).port !== old.port, 30_000, 50).then(() => Date.now() - crashed);
    let reads = 0;
    let failed = 0;
    const readAll = async () => {
      reads++;
      if ((await read().catch(() => "failed")) !== "10.00") failed++;
    };
    await pollUntil("health.check to show the cache down", async () => (await readAll(), (await health()) === "down"), 15_000, 50);
    const down = Date.now() - crashed;
    await pollUntil("health.check to show the cache up again", async () => (await readAll(), (await health()) === "up"), 30_000, 100);
    await pollUntil("the editor's cache to be up again", async () => (await health(editor)) === "up", 30_000, 100);
    const up = Date.now() - crashed;
    const failover = await promoted;
    expect(failed, `${failed} of ${reads} reads failed during the failover`).toBe(0);

    const delays: number[] = [];
    for (const price of ["11.00", "12.00", "13.00"]) {
      await staff.admin.product.update({ id: product.id, price });
      const edited = Date.now();
      await pollUntil(`the reader to serve ${price}`, async () => (await read()) === price, 1_000, 10);
      delays.push(Date.now() - edited);
    }
    expect(await spendFromBoth("after")).toBe(3);
    console.info(`redis-ha ${_name}: replica promoted ${failover} ms, health down ${down} ms and up ${up} ms after the crash; ${reads} reads, none failed; edits reached the other instance in ${delays.join(", ")} ms`);
  });
});
