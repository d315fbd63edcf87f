import { PrismaPg } from "@prisma/adapter-pg";
import { env, loadDotenvFiles } from "./env";

/** pg's `options` startup parameter for sessions that run DDL (migrations). */
export const NO_STATEMENT_TIMEOUT = "-c statement_timeout=0";

/** The driver adapter Prisma's JavaScript schema engine migrates through (prisma.config.ts). */
export function createMigrationAdapter(): PrismaPg {
  loadDotenvFiles();
  // allowExitOnIdle: otherwise every CLI run waits out the pool's idle timeout before exiting.
  // A migration (an index on a big table) may take longer than the database's statement
  // timeout for the app. The startup parameter needs a direct or session-mode connection,
  // which migrations need anyway: Prisma's schema engine holds a session advisory lock.
  return new PrismaPg({ connectionString: env().DATABASE_URL, allowExitOnIdle: true, options: NO_STATEMENT_TIMEOUT });
}
