import { PgBoss } from "pg-boss";
import { JOB_SCHEMA } from "../job-schema";
import { NO_STATEMENT_TIMEOUT } from "../migration-adapter";

export { JOB_SCHEMA };

/**
 * Creates pg-boss's schema in the database at `databaseUrl`, or migrates it to the
 * installed pg-boss version, through pg-boss's own installer (`migrate: true`), which
 * takes an advisory lock so concurrent deploys are safe. Nothing else runs: no
 * supervision, no cron, no instance registration.
 */
export async function installJobSchema(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
    application_name: "shop-migrate",
    // Passed through to pg: pg-boss's own migrations run without the app's statement timeout.
    ...{ options: NO_STATEMENT_TIMEOUT },
  });
  // Without a listener an 'error' event would throw; start() rejects with the cause anyway.
  boss.on("error", () => {});
  await boss.start();
  await boss.stop({ graceful: false });
}
