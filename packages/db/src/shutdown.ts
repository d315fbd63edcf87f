import { disconnectPrisma } from "./client";
import { logger } from "./logger";
import { disconnectRedis } from "./redis";
import { disconnectCatalogReads } from "./replicas";

/** Closes the database pool and the Redis connection; safe to call more than once. */
export async function disconnectAll(): Promise<void> {
  await Promise.allSettled([disconnectCatalogReads(), disconnectPrisma(), disconnectRedis()]);
}

/**
 * On SIGINT/SIGTERM, let in-flight work finish its connections cleanly, then exit.
 * For long-running scripts and servers; Next.js installs its own handlers. Signals
 * that arrive while shutting down are ignored (a process-group stop and pnpm each
 * relay one), so `beforeExit` must bound its own wait.
 */
export function installShutdownHooks(beforeExit?: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, "already shutting down");
      return;
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    void (async () => {
      await beforeExit?.().catch((error: unknown) => logger.error({ err: error }, "shutdown hook failed"));
      await disconnectAll();
      process.exit(0);
    })();
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
