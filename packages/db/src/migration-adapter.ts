import { PrismaPg } from "@prisma/adapter-pg";
import { env, loadDotenvFiles } from "./env";

/** The driver adapter Prisma's JavaScript schema engine migrates through (prisma.config.ts). */
export function createMigrationAdapter(): PrismaPg {
  loadDotenvFiles();
  // allowExitOnIdle: otherwise every CLI run waits out the pool's idle timeout before exiting.
  return new PrismaPg({ connectionString: env().DATABASE_URL, allowExitOnIdle: true });
}
