import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisClient, env, prisma, Prisma, type PrismaClient } from "@shop/db";
import { pollUntil } from "@shop/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { createInnerContext } from "../context";
import { appRouter } from "../root";
import { transformer } from "../transformer";
import { cacheGeneration, createCache, dropBusConnections } from "./cache";
import { callerFor, createProduct, createUser, unique } from "../test/helpers";

/**
 * A Prisma client that counts product reads, to see what reached the database:
 * product.bySlug and product.list each read with one raw statement.
 */
function countingDb() {
  const counter = { productReads: 0 };
  const db = prisma.$extends({
    query: {
      async $queryRaw({ args, query }) {
        counter.productReads++;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  return { db, counter };
}

const redisClients: { disconnect(): void }[] = [];
afterAll(() => {
  for (const client of redisClients) client.disconnect();
  dropBusConnections();
});

/**
 * Subscribers of the cache bus's channel (bentocache's "bentocache.notifications:" and
 * the store's name). Other test files subscribe too, so wait for one more than before.
 */
let busProbe: ReturnType<typeof redisClient> | undefined;
async function busSubscribers() {
  busProbe ??= redisClient();
  return Number((await busProbe.pubsub("NUMSUB", "bentocache.notifications:cache"))[1]);
}

interface RedisProxy {
  url: string;
  /** Drops every connection and refuses new ones until restore(). */
  cut(): Promise<void>;
  restore(): void;
  close(): void;
}

/** A TCP proxy in front of the real Redis, so a test can cut a client off and back on. */
async function redisProxy(): Promise<RedisProxy> {
  const target = new URL(env().REDIS_URL);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        dropAll();
      }),
    restore: () => void server.listen(port, "127.0.0.1"),
    close: () => {
      server.close();
      dropAll();
    },
  };
}

function redisClient(url = env().REDIS_URL) {
  const client = createRedisClient({ url });
  redisClients.push(client);
  return client;
}

async function setup(options: { redisUrl?: string; bus?: boolean; prefix?: string } = {}) {
  const redis = redisClient(options.redisUrl);
  const cache = createCache({ redis, bus: options.bus ?? false, prefix: options.prefix ?? unique("cache") });
  const { db, counter } = countingDb();
  return { caller: callerFor(null, { db, redis, cache }), counter, cache, redis };
}

describe("cached reads", () => {
  it("serve a memory-tier hit by reference: the same object, never parsed again", async () => {
    const { product } = await createProduct({ price: "10.00" });
    const { caller, counter } = await setup();
    const first = await caller.product.bySlug({ slug: product.slug });
    const second = await caller.product.bySlug({ slug: product.slug });
    expect(second).toBe(first);
    expect(counter.productReads).toBe(1);
    expect(second.price).toBeInstanceOf(Prisma.Decimal);
    // The wire still carries it through superjson.
    expect(transformer.parse<typeof second>(transformer.stringify(second)).price.toFixed(2)).toBe("10.00");
  });

  it("freeze what the memory tier shares, so no caller can change another's read", async () => {
    const { product } = await createProduct();
    const { caller } = await setup();
    const read = await caller.product.bySlug({ slug: product.slug });
    expect(() => Object.assign(read, { name: "changed" })).toThrow(TypeError);
    expect(() => read.variants.push(read.variants[0]!)).toThrow(TypeError);
    expect(() => Object.assign(read.category!, { slug: "changed" })).toThrow(TypeError);
    expect((await caller.product.bySlug({ slug: product.slug })).name).toBe(product.name);
  });

  it("serve a Redis-only hit (a fresh instance) as real Decimal and Date values, then by reference", async () => {
    const prefix = unique("l2");
    const [writer, reader] = [await setup({ prefix }), await setup({ prefix })];
    const key = unique("key");
    const stored = { price: new Prisma.Decimal("12.34"), at: new Date("2026-01-02T03:04:05Z"), lines: [{ unit: new Prisma.Decimal("0.10") }] };
    await writer.cache.getOrSet({ key, factory: () => stored });
    let factoryRuns = 0;
    const fromRedis = await reader.cache.getOrSet({ key, factory: () => (factoryRuns++, stored) });
    expect(factoryRuns).toBe(0);
    expect(fromRedis).not.toBe(stored);
    expect(fromRedis).toEqual(stored);
    expect(fromRedis.price).toBeInstanceOf(Prisma.Decimal);
    expect(fromRedis.lines[0]?.unit).toBeInstanceOf(Prisma.Decimal);
    expect(fromRedis.at).toBeInstanceOf(Date);
    expect(fromRedis.at.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    // The Redis hit refilled the memory tier with the parsed object itself.
    expect(await reader.cache.getOrSet({ key, factory: () => (factoryRuns++, stored) })).toBe(fromRedis);
    expect(await reader.cache.get({ key })).toBe(fromRedis);
    expect(factoryRuns).toBe(0);
  });

  it("serve the second read from the cache", async () => {
    const { product } = await createProduct();
    const { caller, counter } = await setup();
    const first = await caller.product.bySlug({ slug: product.slug });
    const second = await caller.product.bySlug({ slug: product.slug });
    expect(second).toEqual(first);
    expect(second.price.toFixed(2)).toBe("10.00");
    expect(counter.productReads).toBe(1);
  });

  it("key on the input, so different products never share an entry", async () => {
    const [a, b] = await Promise.all([createProduct({ name: "Alpha" }), createProduct({ name: "Beta" })]);
    const { caller } = await setup();
    expect((await caller.product.bySlug({ slug: a.product.slug })).name).toBe("Alpha");
    expect((await caller.product.bySlug({ slug: b.product.slug })).name).toBe("Beta");
  });

  it("show an admin's price change on the very next read", async () => {
    const { product, variants } = await createProduct({ price: "10.00" });
    const admin = await createUser(["ADMIN"]);
    const { caller, cache, redis } = await setup();
    const adminCaller = callerFor(admin.session, { redis, cache });
    await caller.product.bySlug({ slug: product.slug });
    await caller.product.list({});

    await adminCaller.admin.product.update({ id: product.id, price: "12.34" });
    await adminCaller.admin.product.upsertVariant({ id: variants[0]!.id, productId: product.id, sku: variants[0]!.sku, price: "12.34" });
    const fresh = await caller.product.bySlug({ slug: product.slug });
    expect(fresh.price.toFixed(2)).toBe("12.34");
    expect(fresh.variants[0]?.price.toFixed(2)).toBe("12.34");
    const listed = await caller.product.list({ categorySlug: (await prisma.category.findUniqueOrThrow({ where: { id: product.categoryId } })).slug });
    expect(listed.items[0]?.price.toFixed(2)).toBe("12.34");
  });

  it("drop a read that started before an edit's invalidation, even when it finishes after it", async () => {
    const { cache } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const factoryStarted = new Promise<void>((resolve) => (started = resolve));
    // The slow read: it has read the old price and is still on its way back when the edit's
    // invalidation lands.
    const slowRead = cache.getOrSet({
      key: "price",
      tags: ["product:1"],
      factory: async () => {
        started();
        await gate;
        return { price: "144.50" };
      },
    });
    await factoryStarted;
    await cache.deleteByTag({ tags: ["product:1"] });
    release();
    expect(await slowRead).toEqual({ price: "144.50" });

    let rereads = 0;
    const next = await cache.getOrSet({ key: "price", tags: ["product:1"], factory: () => (rereads++, { price: "154.50" }) });
    expect(next).toEqual({ price: "154.50" });
    expect(rereads).toBe(1);
  });

  it("serialise a cached answer once, not per request, and afresh after an edit", async () => {
    const { product } = await createProduct({ price: "10.00" });
    const admin = await createUser(["ADMIN"]);
    const { caller, cache, redis } = await setup();
    const http = async (path: string, input?: unknown) => {
      const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        router: appRouter,
        req: new Request(`http://shop.test/api/trpc/${path}${query}`),
        createContext: () => createInnerContext({ session: null, redis, cache }),
      });
      expect(response.status, path).toBe(200);
      return ((await response.json()) as { result: { data: unknown } }).result.data;
    };
    const hotReads = [
      { path: "product.list", input: {}, read: () => caller.product.list({}) },
      { path: "product.bySlug", input: { slug: product.slug }, read: () => caller.product.bySlug({ slug: product.slug }) },
      { path: "category.list", input: undefined, read: () => caller.category.list() },
    ];
    for (const { path, input, read } of hotReads) {
      const wire = await http(path, input);
      // The handler answers with the memory tier's frozen object itself, so the memo applies.
      const value = await read();
      expect(Object.isFrozen(value), path).toBe(true);
      expect(await read(), path).toBe(value);
      const memo = transformer.serialize(value);
      expect(transformer.serialize(value), path).toBe(memo);
      expect(memo, path).toEqual(superjson.serialize(value));
      expect(wire, path).toEqual(JSON.parse(JSON.stringify(memo)));
      expect(() => Object.assign(memo.json as object, { changed: true }), path).toThrow(TypeError);
    }
    // A value that could still change is serialised every time.
    const open = { price: new Prisma.Decimal("1.00") };
    expect(transformer.serialize(open)).not.toBe(transformer.serialize(open));

    // An edit fills the cache with a new object, so the next answer is serialised afresh.
    await callerFor(admin.session, { redis, cache }).admin.product.update({ id: product.id, price: "12.34" });
    const edited = transformer.deserialize<{ price: Prisma.Decimal }>((await http("product.bySlug", { slug: product.slug })) as never);
    expect(edited.price.toFixed(2)).toBe("12.34");
  });

  it("make one database query for 100 parallel cold reads", async () => {
    const { product } = await createProduct();
    const { caller, counter } = await setup();
    const results = await Promise.all(Array.from({ length: 100 }, () => caller.product.bySlug({ slug: product.slug })));
    expect(new Set(results.map((result) => result.id))).toEqual(new Set([product.id]));
    expect(counter.productReads).toBe(1);
  });

  it("keep serving from the database when Redis is unreachable", async () => {
    const { product } = await createProduct({ price: "7.00" });
    const admin = await createUser(["ADMIN"]);
    const deadPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    // With the bus on, as the apps run it: an invalidation must not wait for Redis either.
    const { caller, redis, cache } = await setup({ redisUrl: `redis://127.0.0.1:${deadPort}`, bus: true });
    const started = Date.now();
    expect((await caller.product.bySlug({ slug: product.slug })).price.toFixed(2)).toBe("7.00");
    await callerFor(admin.session, { redis, cache }).admin.product.update({ id: product.id, price: "8.00" });
    expect((await caller.product.bySlug({ slug: product.slug })).price.toFixed(2)).toBe("8.00");
    expect((await caller.category.list()).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  describe("when Redis goes away mid-test", () => {
    const proxies: RedisProxy[] = [];
    afterAll(() => {
      for (const proxy of proxies) proxy.close();
    });

    it("still serves every read", async () => {
      const proxy = await redisProxy();
      proxies.push(proxy);
      const products = await Promise.all([createProduct(), createProduct(), createProduct()]);
      const { caller } = await setup({ redisUrl: proxy.url });
      expect((await caller.product.bySlug({ slug: products[0]!.product.slug })).id).toBe(products[0]!.product.id);

      await proxy.cut();
      for (const { product } of products) {
        expect((await caller.product.bySlug({ slug: product.slug })).id).toBe(product.id);
      }
      expect((await caller.product.list({})).items.length).toBeGreaterThan(0);
    });

    it("drop what the memory tier holds when the bus reconnects, so an edit published meanwhile is not missed", async () => {
      const prefix = unique("blip");
      const proxy = await redisProxy();
      proxies.push(proxy);
      const before = await busSubscribers();
      const reader = await setup({ redisUrl: proxy.url, bus: true, prefix });
      const editor = await setup({ bus: true, prefix });
      let version = 0;
      const read = (cache: typeof reader.cache) => cache.getOrSet({ key: "price", tags: ["price"], factory: () => ({ version: ++version }) });
      expect(await read(editor.cache)).toEqual({ version: 1 });
      expect(await read(reader.cache)).toEqual({ version: 1 });
      await pollUntil("the reader to subscribe to the cache bus", async () => (await busSubscribers()) > before, 2_000, 10);
      const readerSees = (expected: number) =>
        pollUntil(`the reader to see version ${expected}`, async () => (await read(reader.cache)).version === expected, 3_000, 25);

      // An edit heard over the bus: the reader now holds the tag's timestamp in memory.
      await editor.cache.deleteByTag({ tags: ["price"] });
      await readerSees(2);

      // The next edit's message goes out while the reader cannot hear it.
      await proxy.cut();
      await editor.cache.deleteByTag({ tags: ["price"] });
      expect(await read(editor.cache)).toEqual({ version: 3 });
      proxy.restore();
      await readerSees(3);
    });
  });

  it("evict another app instance's memory tier within a second of each edit", async () => {
    const { product } = await createProduct({ price: "20.00" });
    const admin = await createUser(["ADMIN"]);
    const prefix = unique("shared");
    // The reader must hear the bus before anything is published on it.
    const before = await busSubscribers();
    const reader = await setup({ bus: true, prefix });
    await reader.caller.product.bySlug({ slug: product.slug });
    await pollUntil("the reader to subscribe to the cache bus", async () => (await busSubscribers()) > before, 2_000, 10);
    const editor = await setup({ bus: true, prefix });
    const staff = callerFor(admin.session, { redis: editor.redis, cache: editor.cache });
    // Several edits: the first one a reader sees is also visible without the bus (it has
    // never cached the tag's timestamp); the later ones reach it only through the bus.
    for (const price of ["21.00", "22.00", "23.00"]) {
      await staff.admin.product.update({ id: product.id, price });
      const seen = await pollUntil(`the reader to serve ${price}`, async () => {
        const read = await reader.caller.product.bySlug({ slug: product.slug });
        return read.price.toFixed(2) === price && price;
      }, 1_000, 25);
      expect(seen).toBe(price);
    }
  });

  it("move the cache generation when another instance invalidates, so answers derived from this one's reads are dropped", async () => {
    const prefix = unique("generation");
    const before = await busSubscribers();
    const reader = await setup({ bus: true, prefix });
    const editor = await setup({ bus: true, prefix });
    await reader.cache.getOrSet({ key: "k", tags: ["t"], factory: () => ({ at: 1 }) });
    await editor.cache.getOrSet({ key: "warm", factory: () => 1 });
    // Both subscribed (each empties its memory tier then, which moves the generation too).
    await pollUntil("both caches to subscribe to the bus", async () => (await busSubscribers()) > before + 1, 2_000, 10);
    const seen = cacheGeneration();
    // The editor's own deleteByTag, not lib/cached.ts's invalidate(): only the bus message can move it.
    await editor.cache.deleteByTag({ tags: ["t"] });
    await pollUntil("the generation to move", () => cacheGeneration() > seen, 1_000, 10);
  });
});
