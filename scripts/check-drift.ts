// Fails when prisma/schema.prisma and prisma/migrations describe different schemas.
// Builds both on scratch databases of the server in DATABASE_URL.
import "../packages/db/src/load-env";
import { env } from "../packages/db/src/env";
import { checkDrift, withDatabase } from "../packages/db/src/migrations";

const { onlyInMigrations, onlyInSchema } = await checkDrift(withDatabase(env().DATABASE_URL, "postgres"));
if (onlyInMigrations.length === 0 && onlyInSchema.length === 0) {
  console.log("No drift: the migrations build exactly what schema.prisma declares.");
} else {
  console.error("Drift between prisma/migrations and prisma/schema.prisma.");
  for (const line of onlyInMigrations) console.error(`  only in migrations: ${line}`);
  for (const line of onlyInSchema) console.error(`  only in schema:     ${line}`);
  console.error("Create a migration with `pnpm db:migrate:dev --create-only`, and write its down.sql.");
  process.exitCode = 1;
}
