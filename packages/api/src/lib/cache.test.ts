import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createRedisClient, env, prisma, Prisma, type PrismaClient } from "@shop/db";
import { pollUntil } from "@shop/db/testing";
import { transformer } from "../transformer";
import { createCache, dropBusConnections } from "./cache";
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
    const sockets = new Set<Socket>();
    let proxy: Server;
    afterAll(() => {
      for (const socket of sockets) socket.destroy();
      proxy?.close();
    });

    it("still serves every read", async () => {
      // A TCP proxy in front of the real Redis, so the test can cut it off.
      const target = new URL(env().REDIS_URL);
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
      const address = proxy.address();
      const port = typeof address === "object" && address ? address.port : 0;

      const products = await Promise.all([createProduct(), createProduct(), createProduct()]);
      const { caller } = await setup({ redisUrl: `redis://127.0.0.1:${port}` });
      expect((await caller.product.bySlug({ slug: products[0]!.product.slug })).id).toBe(products[0]!.product.id);

      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      for (const { product } of products) {
        expect((await caller.product.bySlug({ slug: product.slug })).id).toBe(product.id);
      }
      expect((await caller.product.list({})).items.length).toBeGreaterThan(0);
    });
  });

  it("evict another app instance's memory tier within a second of an edit", async () => {
    const { product } = await createProduct({ price: "20.00" });
    const admin = await createUser(["ADMIN"]);
    const prefix = unique("shared");
    const instanceA = await setup({ bus: true, prefix });
    const instanceB = await setup({ bus: true, prefix });
    // Let both buses subscribe before the edit is published.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await instanceA.caller.product.bySlug({ slug: product.slug });
    await instanceB.caller.product.bySlug({ slug: product.slug });

    await callerFor(admin.session, { redis: instanceA.redis, cache: instanceA.cache }).admin.product.update({ id: product.id, price: "21.00" });
    const seen = await pollUntil(
      "instance B to serve the new price",
      async () => (await instanceB.caller.product.bySlug({ slug: product.slug })).price.toFixed(2) === "21.00" && "21.00",
      1_000,
      25,
    );
    expect(seen).toBe("21.00");
  });
});
