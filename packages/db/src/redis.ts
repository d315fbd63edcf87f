import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";
import { logger } from "./logger";

export interface RedisClientOptions {
  url?: string;
  keyPrefix?: string;
  commandTimeoutMs?: number;
}

/**
 * An ioredis client that never hangs its caller: it connects on first use,
 * retries a command at most once across a reconnect, and fails any command that
 * takes longer than REDIS_COMMAND_TIMEOUT_MS. Connection errors are logged (once per
 * outage, not per attempt), never thrown at import, and reconnection continues in
 * the background with a capped back-off, so a cache can fail open while Redis is down.
 */
export function createRedisClient(options: RedisClientOptions = {}): Redis {
  const settings = env();
  const redisOptions: RedisOptions = {
    lazyConnect: true,
    keyPrefix: options.keyPrefix ?? settings.REDIS_KEY_PREFIX,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? settings.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: settings.REDIS_CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, settings.REDIS_MAX_RECONNECT_DELAY_MS),
  };
  const client = new Redis(options.url ?? settings.REDIS_URL, redisOptions);

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
  return client;
}

const globalStore = globalThis as typeof globalThis & {
  __shopRedis?: { key: string; client: Redis };
};

/** The process-wide Redis client (one per URL and key prefix). */
export function getRedis(): Redis {
  const { REDIS_URL, REDIS_KEY_PREFIX } = env();
  const key = `${REDIS_URL} ${REDIS_KEY_PREFIX}`;
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
