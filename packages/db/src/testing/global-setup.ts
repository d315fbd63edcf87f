import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployMigrations } from "../migrations";
import { createDatabase, dropDatabase, withClient, withDatabase } from "../postgres/admin";
import { startEmbeddedPostgres } from "../postgres/embedded";
import { ensureTestRedis } from "./redis-servers";
import { DEFAULT_TEST_REDIS_URL, TEST_ENV } from "./shared";

/**
 * Vitest global setup, once per run: find a PostgreSQL server (DATABASE_URL when
 * set, else an embedded PostgreSQL 16 on a free port in a temporary folder) and a Redis
 * (REDIS_URL when it answers, else a redis-server started here), build
 * a template database with every migration applied and pg-boss's job schema
 * installed (deployMigrations does both), and hand both to the test
 * workers through the environment. Each test file then clones the template.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const external = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let serverUrl: string;

  if (external) {
    serverUrl = withDatabase(external, "postgres");
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), "shop-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, ephemeralTuning: true }).catch((error: unknown) => {
      // Vitest reports a failed global setup only by its exit code, so say why here.
      console.error(`Could not start the embedded PostgreSQL 16 for the tests: ${String(error)}`);
      throw error;
    });
    serverUrl = server.url;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  // REDIS_URL (or the default) when it answers; else a redis-server of the run's own.
  // The test workers start after this and inherit the URL.
  const redis = await ensureTestRedis(process.env.REDIS_URL ?? DEFAULT_TEST_REDIS_URL).catch((error: unknown) => {
    console.error(String(error));
    throw error;
  });
  process.env.REDIS_URL = redis.url;

  const template = `shop_test_${runId}_template`;
  const templateUrl = await createDatabase(serverUrl, template);
  await deployMigrations(templateUrl);

  process.env[TEST_ENV.serverUrl] = serverUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;

  return async () => {
    // Test files drop their own databases; this catches any a crashed worker left.
    await withClient(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`shop_test_${runId}_%`],
      );
      for (const { datname } of rows) await dropDatabase(serverUrl, datname);
    });
    await stopServer();
    await redis.stop();
  };
}
