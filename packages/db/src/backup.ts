import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { serverMajorVersion } from "./postgres/admin";

const execFileAsync = promisify(execFile);

export class BackupToolError extends Error {
  override name = "BackupToolError";
}

/** The major version of a PostgreSQL client tool (pg_dump, pg_restore), or null if absent. */
export async function toolMajorVersion(tool: string): Promise<number | null> {
  try {
    const { stdout } = await execFileAsync(tool, ["--version"]);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * pg_dump refuses a server newer than itself, and a dump is only guaranteed to
 * restore with a pg_restore at least as new as the pg_dump that wrote it.
 */
async function requireCompatibleTool(tool: string, databaseUrl: string): Promise<void> {
  const [toolMajor, serverMajor] = await Promise.all([toolMajorVersion(tool), serverMajorVersion(databaseUrl)]);
  if (toolMajor === null) {
    throw new BackupToolError(
      `${tool} was not found. Install the PostgreSQL ${serverMajor} client tools, or set PG_BIN_DIR to the folder holding them ` +
        "(for the docker-compose stack: docker compose exec postgres pg_dump ...).",
    );
  }
  if (toolMajor < serverMajor) {
    throw new BackupToolError(
      `${tool} ${toolMajor} cannot dump PostgreSQL ${serverMajor}: use ${tool} ${serverMajor} or newer ` +
        "(Debian 12 ships only 15; PGDG's postgresql-client-16 or the postgres:16 image have 16).",
    );
  }
}

/** Writes a compressed, custom-format dump of the database at `databaseUrl` to `file`. */
export async function backupDatabase(databaseUrl: string, file: string, pgDump = "pg_dump"): Promise<void> {
  await requireCompatibleTool(pgDump, databaseUrl);
  await mkdir(dirname(file), { recursive: true });
  await execFileAsync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", databaseUrl]);
}

/**
 * Restores a dump made by backupDatabase into the database at `databaseUrl`,
 * replacing the objects it contains, in a single transaction (all or nothing).
 */
export async function restoreDatabase(databaseUrl: string, file: string, pgRestore = "pg_restore"): Promise<void> {
  await requireCompatibleTool(pgRestore, databaseUrl);
  await execFileAsync(pgRestore, [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    "--dbname",
    databaseUrl,
    file,
  ]);
}
