import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase, dropTestDatabase, testServerUrl } from "../testing";
import { statementTimeoutMs } from "../env";
import { withClient } from "../postgres/admin";
import {
  checkDrift,
  deployMigrations,
  diffSnapshots,
  downScriptPath,
  JOB_SCHEMA,
  listMigrations,
  listTables,
  migrateDown,
  migrationsDir,
  snapshotSchema,
} from "./index";

const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropTestDatabase(name);
});

async function emptyDatabase(label: string) {
  const db = await createEmptyTestDatabase(label);
  created.push(db.name);
  return db.url;
}

async function leftovers(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ kind: string; name: string }>(`
      SELECT 'type' AS kind, typname AS name FROM pg_type
       WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
      UNION ALL
      SELECT 'function', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'sequence', sequencename FROM pg_sequences WHERE schemaname = 'public'
        AND sequencename <> '_prisma_migrations_id_seq'`);
    return rows;
  });
}

describe("migrations", () => {
  it("every migration has a reviewed down script beside it", () => {
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) {
      expect(existsSync(join(migrationsDir, migration, "migration.sql")), migration).toBe(true);
      expect(existsSync(downScriptPath(migration)), `${migration}/down.sql`).toBe(true);
    }
  });

  it("schema.prisma and the migrations describe the same schema", async () => {
    const drift = await checkDrift(testServerUrl());
    expect(drift).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
  });

  it("up, down, up leaves the same schema, and down leaves nothing behind", async () => {
    const url = await emptyDatabase("updown");
    await deployMigrations(url);
    const first = await snapshotSchema(url, "all");
    expect(first.some((line) => line.startsWith("trigger "))).toBe(true);
    // pg-boss's schema comes with the deploy, and is pg-boss's business, not the snapshot's.
    const jobSchemaVersion = () => withClient(url, async (client) => (await client.query(`SELECT version FROM ${JOB_SCHEMA}.version`)).rows);
    const installed = await jobSchemaVersion();
    expect(installed).toHaveLength(1);
    expect(first.filter((line) => line.includes(JOB_SCHEMA))).toEqual([]);
    // The statement timeout is the database's default (PgBouncer refuses it as a startup parameter).
    const timeout = await withClient(url, async (client) => (await client.query("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")).rows);
    expect(timeout).toEqual([{ setting: String(statementTimeoutMs()) }]);

    const rolledBack: string[] = [];
    for (let name = await migrateDown(url); name; name = await migrateDown(url)) rolledBack.push(name);
    expect(rolledBack).toEqual([...listMigrations()].reverse());
    expect(await listTables(url)).toEqual([]);
    expect(await leftovers(url)).toEqual([]);

    // Rolling back Prisma's migrations leaves pg-boss's schema alone; deploying again keeps it as it was.
    await deployMigrations(url);
    const second = await snapshotSchema(url, "all");
    expect(diffSnapshots(first, second)).toEqual({ onlyInA: [], onlyInB: [] });
    expect(await jobSchemaVersion()).toEqual(installed);
    // Two deploys, each waiting out the schema engine's 10 s timer (README, "Tests").
  }, 120_000);

  it("rolling back an empty database is a no-op", async () => {
    const url = await emptyDatabase("noop");
    await withClient(url, (client) =>
      client.query(`CREATE TABLE _prisma_migrations (id text, migration_name text, started_at timestamptz,
                    finished_at timestamptz, rolled_back_at timestamptz)`),
    );
    expect(await migrateDown(url)).toBeNull();
  });
});
