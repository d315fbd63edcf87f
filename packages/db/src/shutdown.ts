import { disconnectPrisma } from "./client";
import { logger } from "./logger";
import { disconnectRedis } from "./redis";
import { disconnectCatalogReads } from "./replicas";

// Connections other packages open beside the Prisma pool (the job producer's own pool),
// closed with it, so nothing is left to see the database go away afterwards.
const closers = new Set<() => Promise<void>>();

/** Registers a close for disconnectAll to call; returns its unregistration. */
export function closeWithDatabase(close: () => Promise<void>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/** Closes the database pools and the Redis connection; safe to call more than once. */
export async function disconnectAll(): Promise<void> {
  await Promise.allSettled([...[...closers].map((close) => close()), disconnectCatalogReads(), disconnectPrisma(), disconnectRedis()]);
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
