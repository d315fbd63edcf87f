import { BentoCache, bentostore } from "bentocache";
import { MemoryDriver } from "bentocache/drivers/memory";
import { redisBusDriver, redisDriver } from "bentocache/drivers/redis";
import { logger, redisSibling, type RedisClient, type RedisRole } from "@shop/db";
import { transformer } from "../transformer";
import { deepFreeze } from "./freeze";

/**
 * Read cache: a small in-process memory tier in front of Redis (bentocache), so a
 * hot read costs no network hop. bentocache provides what the shop needs:
 * - single-flight: concurrent misses for one key run the factory once per process;
 * - tags: every mutation invalidates by tag after its transaction commits;
 * - fail-open: with Redis down or slow (bounded by the client's command timeout),
 *   L2 errors are suppressed and a circuit breaker skips Redis for a while, so reads
 *   come from the database; grace keeps serving the last value if the database fails;
 * - a Redis pub/sub bus that evicts the memory tier of every other app instance when
 *   a tag is invalidated, so no instance serves an edited price for longer than the
 *   bus takes to deliver (milliseconds).
 * Redis holds values superjson-encoded, so Decimal and Date survive the round trip;
 * the memory tier holds them by reference (see FrozenMemoryDriver), so a hit there
 * costs no parsing.
 */
export interface CacheOptions {
  redis: RedisClient;
  /** Evict other instances' memory tier through Redis pub/sub (apps: on; tests: per case). */
  bus?: boolean;
  /**
   * Namespace inside Redis; defaults to "cache". It becomes a Redis Cluster hash tag
   * ("{cache}:…"), so every key of one cache (entries and tag timestamps) lives in one
   * slot and bentocache's pipelines (deleteMany) never fail with CROSSSLOT.
   */
  prefix?: string;
}

export type Cache = BentoCache<{ cache: ReturnType<typeof bentostore> }>;

export function createCache({ redis, bus = false, prefix = "cache" }: CacheOptions): Cache {
  const memory = frozenMemoryDriver();
  const tier = redisTier();
  let store = bentostore()
    .useL1Layer(memory)
    .useL2Layer(tier.driver(redis));
  const emptyMemory = () => {
    memory.clear();
    cacheChanged();
  };
  if (bus) store = store.useBus(redisBusDriver({ connection: busConnection(redis, emptyMemory) }));
  const cache: Cache = new BentoCache({
    default: "cache",
    prefix: `{${prefix}}`,
    serializer: { serialize: (value) => transformer.stringify(value), deserialize: (value) => transformer.parse(String(value)) },
    ttl: "5m",
    grace: "6h",
    graceBackoff: "30s",
    suppressL2Errors: true,
    l2CircuitBreakerDuration: "5s",
    // A refresh after invalidation waits this long for the database before serving
    // the graced (stale) value; 0 would serve stale at once (stale-while-revalidate).
    timeout: "3s",
    // bentocache logs every factory run (info) and every skipped Redis call while
    // its circuit breaker is open (error, per request). redisTier() logs a failing
    // Redis tier once per outage and failing factories reach the caller, so keep only fatal here.
    logger: logger.child({ component: "cache" }, { level: "fatal" }),
    stores: { cache: store },
  }).on("bus:message:received", cacheChanged);
  tiers.set(cache, tier);
  return cache;
}

const tiers = new WeakMap<Cache, ReturnType<typeof redisTier>>();

/**
 * Whether the cache's Redis tier works, as its own calls find it (health.check's `cache`):
 * it probes Redis through the cache, so a tier that fails while PING works (a command
 * the server refuses, a slot on a dead cluster master) shows too. While bentocache's
 * circuit breaker is open the probe is skipped and the tier stays "down"; the first
 * call after it closes that works brings it back "up".
 */
export async function cacheTierState(cache: Cache): Promise<"up" | "down"> {
  const tier = tiers.get(cache);
  await cache.get({ key: "health:probe" });
  return tier?.up() === false ? "down" : "up";
}

/**
 * Watches every call the cache makes to its Redis tier (bentocache's redis driver), so
 * a failing tier is never silent: the first failure is logged (bentocache then opens
 * its circuit breaker and serves from the database), and so is the first call that
 * works again.
 */
function redisTier() {
  let failing: Error | undefined;
  const outcome = <T>(result: Promise<T>): Promise<T> =>
    result.then(
      (value) => {
        if (failing) logger.info({ component: "cache" }, "the cache's Redis tier works again");
        failing = undefined;
        return value;
      },
      (error: Error) => {
        if (!failing) logger.warn({ component: "cache", err: error }, "the cache's Redis tier fails; reads go to the database until it recovers");
        failing = error;
        throw error;
      },
    );
  return {
    up: () => failing === undefined,
    driver(connection: RedisClient) {
      const base = redisDriver({ connection });
      return {
        ...base,
        factory: (config: Parameters<typeof base.factory>[0]) =>
          // Methods run on the driver itself: its private fields are not the proxy's.
          new Proxy(base.factory(config), {
            get(target, property) {
              const member: unknown = Reflect.get(target, property, target);
              if (typeof member !== "function") return member;
              return (...args: unknown[]) => {
                const result: unknown = member.apply(target, args);
                return result instanceof Promise ? outcome(result) : result;
              };
            },
          }),
      };
    },
  };
}

/**
 * A counter bumped whenever a cached value of this process may have changed: a local
 * invalidation (lib/cached.ts), a message from another instance's cache, the memory tier
 * emptied. Whatever is derived from cached values (the route handler's answers to
 * anonymous reads) is valid only while the counter has not moved since it was made.
 */
let generation = 0;
export const cacheGeneration = (): number => generation;
export function cacheChanged(): void {
  generation++;
}

/**
 * The memory tier, holding values by reference (bentocache's `serialize: false`): a hit
 * is the very object an earlier read got, not a fresh parse of a string. Every reader
 * in the process shares it, so a handler that changed one would change every later
 * read. Rather than trust each handler, values are deep-frozen as they enter this
 * tier, in every environment: a mutation throws a TypeError (ES modules are strict)
 * in tests as in production, never a silent cross-request leak, and the cost is paid
 * once per fill (a miss or a Redis hit), never per hit.
 */
class FrozenMemoryDriver extends MemoryDriver {
  override set(key: string, value: string, ttl?: number): boolean {
    return super.set(key, deepFreeze(value), ttl);
  }
}

/** Entries, not bytes: an object has no cheap size. A product page is about 8 KB as JSON and a few times that as objects, so 2,000 is roughly the 50 MB the string tier had. */
const memoryTierEntries = 2_000;

function frozenMemoryDriver() {
  const options = { serialize: false, maxItems: memoryTierEntries };
  let driver: FrozenMemoryDriver | undefined;
  return {
    options,
    factory: (config: ConstructorParameters<typeof MemoryDriver>[0]) => (driver = new FrozenMemoryDriver(config)),
    /** Empties this process's memory tier (Redis keeps its copy). */
    clear: () => driver?.clear(),
  };
}

const busClients = new Set<RedisClient>();

/** Drops every bus connection at once (they would otherwise reconnect forever while Redis is down). */
export function dropBusConnections(): void {
  for (const client of busClients) client.disconnect();
  busClients.clear();
}

/**
 * The bus duplicates this connection twice: first for its publisher, then for its
 * subscriber (@boringnode/bus RedisTransport). The publisher fails fast like the
 * cache client, so an invalidation never waits on a dead Redis (bentocache queues
 * it for retry); the subscriber waits for Redis instead of failing its SUBSCRIBE,
 * which would be an unhandled rejection that ends the process. Both keep quiet
 * about an outage the main client already logs.
 *
 * Pub/sub keeps nothing for a subscriber that is away: an invalidation published while
 * this instance's subscriber was disconnected (a Redis restart, a network blip) or not
 * yet subscribed (start-up) never arrives, and the memory tier would serve the old
 * value until its TTL. So each time the subscriber is (re)subscribed, `onSubscribed`
 * empties the memory tier; the next reads refill it from Redis, which holds every
 * tag's invalidation time.
 */
function busConnection(redis: RedisClient, onSubscribed: () => void): RedisClient {
  const roles: RedisRole[] = ["publisher", "subscriber"];
  // Never connects itself (lazy, never used): the transport only duplicates it.
  const template = redisSibling(redis, "commands");
  const duplicate = () => {
    const role = roles.shift() ?? "subscriber";
    const client = redisSibling(redis, role);
    if (role === "subscriber") {
      client.on("ready", () => afterSubscribed(client, onSubscribed));
      // A cluster moves its subscription to another node without a new "ready".
      client.on("-node", () => afterSubscribed(client, onSubscribed));
    }
    busClients.add(client);
    return client;
  };
  return Object.assign(template, { duplicate });
}

/**
 * ioredis emits "ready" before it writes the connection's SUBSCRIBE (a resubscribe or
 * the first one, queued offline), so wait for that, then for a PING sent behind it:
 * its reply comes after Redis has processed the SUBSCRIBE.
 */
function afterSubscribed(client: RedisClient, then: () => void): void {
  setImmediate(() => {
    client.ping().then(then, () => {});
  });
}

/** A stable cache key for a procedure and its input (object keys sorted). */
export function cacheKey(name: string, input: unknown): string {
  return input === undefined ? name : `${name}:${stableStringify(input)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** Cache tags, one place, so readers and the mutations that invalidate them agree. */
export const tags = {
  catalog: "catalog",
  product: (slug: string) => `product:${slug}`,
  categories: "categories",
  reviews: (productId: string) => `reviews:${productId}`,
  analytics: "analytics",
  settings: "settings",
} as const;
