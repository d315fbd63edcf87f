import { Prisma, type PrismaClient } from "@prisma/client";
import { createPrismaClient, getPrisma } from "./client";
import { env } from "./env";
import { logger } from "./logger";
import { isDatabaseUnavailable } from "./pool";
import { getRedis, type RedisClient } from "./redis";

/**
 * The shared "replicas must have replayed this far" mark: the primary's WAL position
 * (bytes since 0/0) after the newest cache invalidation of any instance. Every process
 * reads and raises the same key, so an edit made through the admin holds back the
 * storefronts' replicas too.
 */
const REPLICA_WATERMARK_KEY = "replica:watermark";

// Raises the mark, never lowers it: two instances invalidating at once may write out of order.
const RAISE = `local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1]) end
return redis.call('GET', KEYS[1])`;

// Text, not a number: a WAL position can pass 2^31 bytes and Prisma returns numeric as Decimal.
const insertPosition = (db: PrismaClient) =>
  db.$queryRaw<[{ at: string }]>`SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::text AS at`.then(([row]) => Number(row.at));
// NULL on a server that is not in recovery: a primary named as a replica counts as caught up with itself.
const replayPosition = (db: PrismaClient) =>
  db.$queryRaw<[{ at: string | null }]>`SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::text AS at`.then(([row]) => row.at);

interface Replica {
  url: string;
  client: PrismaClient;
  /** Skipped until then after it failed, so a dead replica costs one failed attempt per interval, not one per read. */
  downUntil: number;
}

export interface CatalogReadsOptions {
  primary: PrismaClient;
  replicaUrls?: readonly string[];
  redis: RedisClient;
  /** How long a replica that failed is left alone before it is tried again. */
  retryMs?: number;
}

/**
 * Where public catalog reads run (issue 13). Explicit, not implicit routing: `ctx.db`
 * is always the primary; only reads that ask for it (cached catalog reads,
 * `cached({ replica: true })` in @shop/api) run through `read`, which picks a replica
 * only when it has replayed past the watermark, so a lagging replica never refills
 * the cache with what an invalidation just removed. Without replicas, everything
 * reads the primary.
 *
 * Whether invalidations raise the watermark is the deployment's choice, not the
 * instance's: an admin's edit must hold back a storefront's replicas. The deployment
 * says so with DATABASE_REPLICA_URL, which every process of a deployment shares (one
 * environment, as `.env` is for the whole repo). With none there, nothing can read a
 * replica, so `changed()` skips its primary query and Redis write (one statement less
 * per checkout). Any instance given replicas raises it too.
 */
export class CatalogReads {
  readonly primary: PrismaClient;
  private readonly replicas: Replica[];
  private readonly redis: RedisClient;
  private readonly retryMs: number;
  private readonly recordsWatermark: boolean;
  private next = 0;

  constructor(options: CatalogReadsOptions) {
    this.primary = options.primary;
    this.redis = options.redis;
    this.retryMs = options.retryMs ?? env().DATABASE_REPLICA_RETRY_MS;
    this.replicas = (options.replicaUrls ?? []).map((url) => ({
      url,
      client: createPrismaClient({ url, applicationName: "shop-replica-read" }),
      downUntil: 0,
    }));
    this.recordsWatermark = this.replicas.length > 0 || env().DATABASE_REPLICA_URL.length > 0;
  }

  /**
   * Call after a catalog change is committed and before its cache tags are invalidated:
   * any refill that starts after the invalidation then needs a replica at least this far.
   * If Redis is down the invalidation does not reach other instances either; logged, not thrown.
   * Nothing to do where the deployment has no replicas (see the class).
   */
  async changed(): Promise<void> {
    if (!this.recordsWatermark) return;
    try {
      await this.raise(await insertPosition(this.primary));
    } catch (error) {
      logger.warn({ err: error }, "could not record the replica watermark; replicas may serve this change late");
    }
  }

  /** Runs a public catalog read on a replica that has replayed every recorded change, else on the primary. */
  async read<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
    const replica = this.pick();
    if (!replica || !(await this.caughtUp(replica))) return work(this.primary);
    try {
      return await work(replica.client);
    } catch (error) {
      // An answer of the read itself (say the caller's not-found error) is not the replica's fault.
      if (!isDatabaseUnavailable(error) && !isQueryError(error)) throw error;
      this.failed(replica, error);
      return work(this.primary);
    }
  }

  /** Whether the replica has replayed past the watermark; any doubt (Redis or the replica down) answers no. */
  private async caughtUp(replica: Replica): Promise<boolean> {
    try {
      // Redis down: nothing says how far a replica must be, so the primary answers (the Redis client logs the outage).
      const [required, replayed] = await Promise.all([this.watermark().catch(() => null), replayPosition(replica.client)]);
      if (required === null) return false;
      return replayed === null || Number(replayed) >= required;
    } catch (error) {
      this.failed(replica, error);
      return false;
    }
  }

  private failed(replica: Replica, error: unknown): void {
    if (isDatabaseUnavailable(error)) replica.downUntil = Date.now() + this.retryMs;
    logger.warn({ replica: redact(replica.url), error: (error as Error).message }, "replica read failed; reading the primary");
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled(this.replicas.map((replica) => replica.client.$disconnect()));
  }

  private pick(): Replica | undefined {
    const now = Date.now();
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[this.next++ % this.replicas.length] as Replica;
      if (replica.downUntil <= now) return replica;
    }
    return undefined;
  }

  /** The mark; when Redis lost it (a restart), the primary's position now, which no earlier change is past. */
  private async watermark(): Promise<number> {
    const stored = await this.redis.get(REPLICA_WATERMARK_KEY);
    if (stored !== null) return Number(stored);
    return this.raise(await insertPosition(this.primary));
  }

  private async raise(position: number): Promise<number> {
    return Number(await this.redis.eval(RAISE, 1, REPLICA_WATERMARK_KEY, String(position)));
  }
}

function isQueryError(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError ||
    error instanceof Prisma.PrismaClientInitializationError
  );
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, "//");

const globalStore = globalThis as typeof globalThis & {
  __shopCatalogReads?: { primary: PrismaClient; redis: RedisClient; urls: string; reads: CatalogReads };
};

/** The process's catalog reads: the primary singleton, DATABASE_REPLICA_URL's replicas and the Redis singleton. */
export function getCatalogReads(): CatalogReads {
  const primary = getPrisma();
  const redis = getRedis();
  const replicaUrls = env().DATABASE_REPLICA_URL;
  const urls = replicaUrls.join(",");
  const current = globalStore.__shopCatalogReads;
  if (current?.primary === primary && current.redis === redis && current.urls === urls) return current.reads;
  void current?.reads.disconnect();
  const reads = new CatalogReads({ primary, redis, replicaUrls });
  globalStore.__shopCatalogReads = { primary, redis, urls, reads };
  return reads;
}

/** Disconnects the replicas' clients, if any were made, and forgets them. */
export async function disconnectCatalogReads(): Promise<void> {
  const current = globalStore.__shopCatalogReads;
  globalStore.__shopCatalogReads = undefined;
  await current?.reads.disconnect();
}
