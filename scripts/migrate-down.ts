// Rolls back the newest applied migration with its reviewed down.sql.
// Usage: pnpm db:migrate:down [--steps N]
import "../packages/db/src/load-env";
import { env } from "../packages/db/src/env";
import { migrateDown } from "../packages/db/src/migrations";

const stepsFlag = process.argv.indexOf("--steps");
const steps = stepsFlag > -1 ? Number(process.argv[stepsFlag + 1]) : 1;
if (!Number.isInteger(steps) || steps < 1) {
  console.error("--steps takes a whole number of at least 1");
  process.exit(2);
}

for (let step = 0; step < steps; step++) {
  const migration = await migrateDown(env().DATABASE_URL);
  if (!migration) {
    console.log("No applied migrations left to roll back.");
    break;
  }
  console.log(`Rolled back ${migration}`);
}
