import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";
import { env, type Env } from "./env";
import { logger } from "./logger";

export interface RedisNode {
  host: string;
  port: number;
}

/** Where Redis is: one server, a Sentinel-watched master, or a Cluster (env: REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES). */
export type RedisTopology =
  | { kind: "standalone"; url: string }
  | { kind: "sentinel"; sentinels: RedisNode[]; name: string; sentinelPassword?: string; username?: string; password?: string }
  | { kind: "cluster"; nodes: RedisNode[]; username?: string; password?: string };

/** Either client: both take the same commands, and bentocache, its bus and rate-limiter-flexible accept both. */
export type RedisClient = Redis | Cluster;

/**
 * What a connection is for:
 * - "commands" (the default): connects on first use, fails a command after the timeout;
 * - "publisher": connects at once and fails at once while Redis is away (no offline queue);
 * - "subscriber": connects at once and waits for Redis however long it takes (a pub/sub
 *   subscription must never fail, only resume).
 * Publishers and subscribers keep quiet about outages: the commands client logs them.
 */
export type RedisRole = "commands" | "publisher" | "subscriber";

export interface RedisClientOptions {
  /** One standalone server, instead of the environment's topology. */
  url?: string;
  topology?: RedisTopology;
  keyPrefix?: string;
  commandTimeoutMs?: number;
  role?: RedisRole;
}

/** The topology the environment describes (env.ts keeps the three mutually exclusive). */
export function redisTopology(settings: Env = env()): RedisTopology {
  // Sentinel and Cluster nodes take REDIS_URL's credentials, so a password has one place.
  const url = new URL(settings.REDIS_URL);
  const auth = { username: url.username || undefined, password: url.password ? decodeURIComponent(url.password) : undefined };
  if (settings.REDIS_SENTINELS) {
    return { kind: "sentinel", sentinels: settings.REDIS_SENTINELS, name: settings.REDIS_SENTINEL_NAME ?? "", sentinelPassword: settings.REDIS_SENTINEL_PASSWORD, ...auth };
  }
  if (settings.REDIS_CLUSTER_NODES) return { kind: "cluster", nodes: settings.REDIS_CLUSTER_NODES, ...auth };
  return { kind: "standalone", url: settings.REDIS_URL };
}

// How each client was made, so the cache's bus can make siblings of any client (redisSibling).
// On globalThis, like the singleton below: a Next.js build can hold this module twice (one
// copy per server chunk), and a client made by one copy must be known to the other.
const madeStore = globalThis as typeof globalThis & { __shopRedisMade?: WeakMap<RedisClient, RedisClientOptions> };
const made = (madeStore.__shopRedisMade ??= new WeakMap<RedisClient, RedisClientOptions>());

/**
 * A Redis client that never hangs its caller: it connects on first use, retries a
 * command at most once across a reconnect, and fails any command that takes longer
 * than REDIS_COMMAND_TIMEOUT_MS. Connection errors are logged (once per outage, not
 * per attempt), never thrown at import, and reconnection continues in the background
 * with a capped back-off, so a cache can fail open while Redis is down. The same
 * holds for a Sentinel-watched master (the client asks the sentinels where the master
 * is now on every reconnect) and for a Cluster.
 */
export function createRedisClient(options: RedisClientOptions = {}): RedisClient {
  const settings = env();
  const topology = options.topology ?? (options.url ? { kind: "standalone" as const, url: options.url } : redisTopology(settings));
  const role = options.role ?? "commands";
  const patient = role === "subscriber";
  const commandTimeout = patient ? undefined : (options.commandTimeoutMs ?? settings.REDIS_COMMAND_TIMEOUT_MS);
  const retryStrategy = (attempt: number) => Math.min(50 * 2 ** attempt, settings.REDIS_MAX_RECONNECT_DELAY_MS);
  const keyPrefix = options.keyPrefix ?? settings.REDIS_KEY_PREFIX;
  const connection: RedisOptions = {
    lazyConnect: role === "commands",
    maxRetriesPerRequest: patient ? null : 1,
    commandTimeout,
    connectTimeout: settings.REDIS_CONNECT_TIMEOUT_MS,
    ...(role === "publisher" && { enableOfflineQueue: false }),
  };

  let client: RedisClient;
  if (topology.kind === "cluster") {
    const { nodes, username, password } = topology;
    const clusterOptions: ClusterOptions = {
      lazyConnect: connection.lazyConnect,
      keyPrefix,
      enableOfflineQueue: connection.enableOfflineQueue ?? true,
      clusterRetryStrategy: retryStrategy,
      // The cluster reconnects nodes and queues commands itself.
      redisOptions: { maxRetriesPerRequest: connection.maxRetriesPerRequest, commandTimeout, connectTimeout: connection.connectTimeout, username, password },
    };
    client = new Cluster(nodes, clusterOptions);
    if (commandTimeout !== undefined) boundClusterCommands(client, commandTimeout, settings.REDIS_CONNECT_TIMEOUT_MS);
  } else if (topology.kind === "sentinel") {
    const { sentinels, name, sentinelPassword, username, password } = topology;
    client = new Redis({
      ...connection,
      keyPrefix,
      sentinels,
      name,
      sentinelPassword,
      username,
      password,
      retryStrategy,
      sentinelRetryStrategy: retryStrategy,
      sentinelCommandTimeout: settings.REDIS_COMMAND_TIMEOUT_MS,
      // Hear the sentinels' +switch-master at once instead of at the next failed command.
      failoverDetector: true,
      // A demoted master answers writes with READONLY: find the new master and retry.
      reconnectOnError: (error) => (error.message.startsWith("READONLY") ? 2 : false),
    });
  } else {
    client = new Redis(topology.url, { ...connection, keyPrefix, retryStrategy });
  }
  made.set(client, { ...options, topology });
  if (role === "commands") logOutages(client);
  else client.on("error", () => {});
  return client;
}

/** A new client like `client` (same servers, key prefix and timeout) for another role. */
export function redisSibling(client: RedisClient, role: RedisRole): RedisClient {
  const options = made.get(client);
  if (!options) throw new Error("redisSibling: the client was not made by createRedisClient");
  return createRedisClient({ ...options, role });
}

/**
 * ioredis applies commandTimeout per node connection only: a Cluster command waiting in
 * the cluster's own queue (during a failover, or before the slots are known) or between
 * MOVED retries has no deadline. Set it when the command enters the cluster, so the
 * timeout bounds the whole command; ioredis keeps the first deadline a command gets.
 * A command that has to wait for the cluster to connect (it learns the slots, then
 * connects to their nodes) gets the connect timeout on top.
 */
function boundClusterCommands(cluster: Cluster, timeoutMs: number, connectTimeoutMs: number): void {
  const send = cluster.sendCommand.bind(cluster);
  cluster.sendCommand = (command, ...rest) => {
    command.setTimeout(cluster.status === "ready" ? timeoutMs : timeoutMs + connectTimeoutMs);
    return send(command, ...rest);
  };
}

function logOutages(client: RedisClient): void {
  let healthy = true;
  client.on("error", (error: Error) => {
    if (!healthy) return;
    healthy = false;
    logger.warn({ err: error }, "redis unavailable; callers fall back until it reconnects");
  });
  client.on("ready", () => {
    if (!healthy) logger.info("redis connection restored");
    healthy = true;
  });
}

const globalStore = globalThis as typeof globalThis & {
  __shopRedis?: { key: string; client: RedisClient };
};

/** The process-wide Redis client (one per topology and key prefix). */
export function getRedis(): RedisClient {
  const key = `${JSON.stringify(redisTopology())} ${env().REDIS_KEY_PREFIX}`;
  if (globalStore.__shopRedis?.key !== key) {
    globalStore.__shopRedis = { key, client: createRedisClient() };
  }
  return globalStore.__shopRedis.client;
}

/** Closes the singleton, if one was made, and forgets it. */
export async function disconnectRedis(): Promise<void> {
  const current = globalStore.__shopRedis;
  globalStore.__shopRedis = undefined;
  if (!current) return;
  if (current.client.status === "ready") {
    await current.client.quit().catch(() => current.client.disconnect());
  } else {
    current.client.disconnect();
  }
}
