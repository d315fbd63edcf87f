// Dumps the database in DATABASE_URL to a custom-format file (default: backups/<db>-<time>.dump).
// Usage: pnpm db:backup [file]   (needs pg_dump of the server's major version or newer)
import "../packages/db/src/load-env";
import { join } from "node:path";
import { backupDatabase } from "../packages/db/src/backup";
import { env, findRepoRoot } from "../packages/db/src/env";
import { databaseName } from "../packages/db/src/postgres/admin";

const url = env().DATABASE_URL;
const stamp = new Date().toISOString().replaceAll(":", "-").replace(/\..*/, "");
const file = process.argv[2] ?? join(findRepoRoot(), "backups", `${databaseName(url)}-${stamp}.dump`);
try {
  await backupDatabase(url, file);
  console.log(`Backed up ${databaseName(url)} to ${file}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
