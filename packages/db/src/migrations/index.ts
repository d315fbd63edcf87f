import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { findRepoRoot } from "../env";
import { applyDatabaseSettings, createDatabase, dropDatabase, runScript, withClient, withDatabase } from "../postgres/admin";
import { installJobSchema } from "./job-schema";
import { diffSnapshots, snapshotSchema } from "./snapshot";

export { diffSnapshots, listTables, snapshotSchema, type SnapshotScope } from "./snapshot";
export { installJobSchema, JOB_SCHEMA } from "./job-schema";

const execFileAsync = promisify(execFile);

export const repoRoot = findRepoRoot(import.meta.dirname);
export const migrationsDir = join(repoRoot, "prisma", "migrations");
const prismaBin = join(repoRoot, "node_modules", ".bin", "prisma");

/** Runs the Prisma CLI against `databaseUrl`; throws with Prisma's own output on failure. */
export async function runPrisma(args: string[], databaseUrl: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(prismaBin, args, {
      cwd: repoRoot,
      // The CLI inherits this process's environment, with the target database swapped in.
      // eslint-disable-next-line no-restricted-properties
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma ${args.join(" ")} failed:\n${failure.stderr || failure.stdout || failure.message}`);
  }
}

/**
 * Brings a database up to date: Prisma's migrations (the `public` schema), then
 * pg-boss's own schema (`pgboss`), which pg-boss installs and upgrades itself, then
 * the database's settings. Returns Prisma's report.
 */
export async function deployMigrations(databaseUrl: string): Promise<string> {
  const output = await runPrisma(["migrate", "deploy"], databaseUrl);
  await installJobSchema(databaseUrl);
  await applyDatabaseSettings(databaseUrl);
  return output;
}


/** Migration folder names, oldest first. */
export function listMigrations(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export const downScriptPath = (migration: string) => join(migrationsDir, migration, "down.sql");

/**
 * Rolls back the newest applied migration: runs its reviewed down.sql and removes
 * its row from _prisma_migrations, in one transaction. Returns the migration's
 * name, or null when nothing is applied.
 */
export async function migrateDown(databaseUrl: string): Promise<string | null> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY started_at DESC, migration_name DESC LIMIT 1`,
    );
    const migration = rows[0]?.migration_name;
    if (!migration) return null;
    const script = downScriptPath(migration);
    if (!existsSync(script)) throw new Error(`Migration ${migration} has no down script at ${script}`);
    await client.query("BEGIN");
    try {
      await client.query(readFileSync(script, "utf8"));
      await client.query("DELETE FROM _prisma_migrations WHERE migration_name = $1", [migration]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return migration;
  });
}

/**
 * Compares the schema the migrations build with the one schema.prisma describes,
 * on two scratch databases of the server at `serverUrl`. Prisma's own
 * `migrate diff --from-migrations` cannot run through the JavaScript schema engine
 * here (its shadow database describe step panics), so this builds both sides
 * and compares what Prisma manages: tables, columns, keys, indexes, enums.
 */
export async function checkDrift(serverUrl: string): Promise<{ onlyInMigrations: string[]; onlyInSchema: string[] }> {
  const suffix = `${process.pid}_${Date.now()}`;
  const migrated = `drift_migrations_${suffix}`;
  const declared = `drift_schema_${suffix}`;
  try {
    const migratedUrl = await createDatabase(serverUrl, migrated);
    const declaredUrl = await createDatabase(serverUrl, declared);
    await deployMigrations(migratedUrl);
    const schemaSql = await runPrisma(
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      declaredUrl,
    );
    await runScript(declaredUrl, schemaSql);
    const [fromMigrations, fromSchema] = await Promise.all([
      snapshotSchema(migratedUrl, "prisma"),
      snapshotSchema(declaredUrl, "prisma"),
    ]);
    const { onlyInA, onlyInB } = diffSnapshots(fromMigrations, fromSchema);
    return { onlyInMigrations: onlyInA, onlyInSchema: onlyInB };
  } finally {
    await dropDatabase(serverUrl, migrated);
    await dropDatabase(serverUrl, declared);
  }
}

export { withDatabase };
