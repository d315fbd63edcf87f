// Restores a dump made by `pnpm db:backup` into the database in DATABASE_URL, in one transaction.
// Usage: pnpm db:restore <file>
import "../packages/db/src/load-env";
import { restoreDatabase } from "../packages/db/src/backup";
import { env } from "../packages/db/src/env";
import { databaseName, ensureDatabase } from "../packages/db/src/postgres/admin";

const file = process.argv[2];
if (!file) {
  console.error("Usage: pnpm db:restore <file.dump>");
  process.exit(2);
}
const url = env().DATABASE_URL;
try {
  await ensureDatabase(url);
  await restoreDatabase(url, file);
  console.log(`Restored ${file} into ${databaseName(url)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
