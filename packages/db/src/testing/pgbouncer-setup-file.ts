import { afterAll } from "vitest";
import { isolateTestFile, testServerUrl } from "./index";
import { startPgBouncer } from "./pgbouncer";

// The `pgbouncer` test project's setup file: like setup-file.ts, a database and Redis
// prefix of the file's own, but the code under test reaches the database through a real
// PgBouncer in transaction mode. Only the file's database is behind it, never the template
// (CREATE DATABASE … TEMPLATE fails while PgBouncer holds a connection to it); databases
// a test creates itself are reached directly.
const isolation = await isolateTestFile();
const bouncer = await startPgBouncer({ serverUrl: testServerUrl(), databases: [isolation.databaseName] });
process.env.DATABASE_URL = bouncer.url(isolation.databaseName);

afterAll(async () => {
  const { disconnectAll } = await import("../shutdown");
  await disconnectAll();
  await bouncer.stop();
  await isolation.cleanup();
});
