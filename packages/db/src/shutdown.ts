import { disconnectPrisma } from "./client";
import { logger } from "./logger";
import { disconnectRedis } from "./redis";

/** Closes the database pool and the Redis connection; safe to call more than once. */
export async function disconnectAll(): Promise<void> {
  await Promise.allSettled([disconnectPrisma(), disconnectRedis()]);
}

/**
 * On SIGINT/SIGTERM, let in-flight work finish its connections cleanly, then exit.
 * For long-running scripts and servers; Next.js installs its own handlers.
 */
export function installShutdownHooks(beforeExit?: () => Promise<void>): void {
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    void (async () => {
      await beforeExit?.().catch((error: unknown) => logger.error({ err: error }, "shutdown hook failed"));
      await disconnectAll();
      process.exit(0);
    })();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
