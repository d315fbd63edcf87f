// `pnpm db:migrate`, for deployments and local databases: applies Prisma's migrations
// and installs or upgrades pg-boss's job schema, on DATABASE_URL.
import "../packages/db/src/load-env";
import { env } from "../packages/db/src/env";
import { deployMigrations, JOB_SCHEMA } from "../packages/db/src/migrations";

const report = await deployMigrations(env().DATABASE_URL);
console.log(report.trim());
console.log(`Job schema "${JOB_SCHEMA}" (pg-boss) is installed and current.`);
