import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { applyDatabaseSettings, createDatabase, dropDatabase, withDatabase } from "../postgres/admin";
import { DEFAULT_TEST_REDIS_URL, TEST_ENV } from "./shared";

export { DEFAULT_TEST_REDIS_URL, TEST_ENV };

export interface TestIsolation {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  redisKeyPrefix: string;
  cleanup(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run tests through vitest with the workspace config, whose global setup provides the database.`,
    );
  }
  return value;
}

export function testServerUrl(): string {
  return required(TEST_ENV.serverUrl);
}

/** A new database cloned from the migrated template, with a unique name. */
export async function createTestDatabase(label = "db"): Promise<{ name: string; url: string }> {
  const name = `shop_test_${required(TEST_ENV.runId)}_${label}_${randomBytes(4).toString("hex")}`;
  const url = await createDatabase(testServerUrl(), name, required(TEST_ENV.template));
  // The template's ALTER DATABASE settings stay behind with it.
  await applyDatabaseSettings(url);
  return { name, url };
}

/** A new empty database (no migrations), for migration tests. */
export async function createEmptyTestDatabase(label = "empty"): Promise<{ name: string; url: string }> {
  const name = `shop_test_${required(TEST_ENV.runId)}_${label}_${randomBytes(4).toString("hex")}`;
  return { name, url: await createDatabase(testServerUrl(), name) };
}

export const dropTestDatabase = (name: string) => dropDatabase(testServerUrl(), name);

/** Deletes every Redis key under `prefix` (SCAN, never KEYS, so Redis is not blocked). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } catch {
    // Redis down: nothing of ours to clean up.
  } finally {
    client.disconnect();
  }
}

/**
 * Points this process's DATABASE_URL at a fresh database and its Redis key
 * prefix at a fresh namespace. Used by the vitest setup file for every test file.
 */
export async function isolateTestFile(): Promise<TestIsolation> {
  const { name, url } = await createTestDatabase("file");
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_TEST_REDIS_URL;
  const redisKeyPrefix = `test:${name}:`;
  // One assignment: Next.js's types (through next-auth, in the e2e tests) make NODE_ENV read-only.
  Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: url, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix });
  process.env.LOG_LEVEL ??= "silent";
  return {
    databaseUrl: url,
    databaseName: name,
    redisUrl,
    redisKeyPrefix,
    cleanup: async () => {
      await dropTestDatabase(name);
      await deleteRedisKeys(redisUrl, redisKeyPrefix);
    },
  };
}

export { withDatabase };
export { pollUntil } from "./processes";
export { medianMs } from "./timing";
export { recordingPrismaClient } from "./recording-client";
export { startStreamingReplica, type RunningReplica } from "../postgres/replica";
export { freePort } from "../postgres/embedded";
export { withClient } from "../postgres/admin";
export { startRedisCluster, startRedisSentinels, type RedisCluster, type RedisSentinelGroup } from "./redis-servers";
