import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { PrismaClient } from "@prisma/client";
import { logger } from "./logger";
import { GatedPool } from "./pool";

export interface PrismaOptions {
  url?: string;
  poolMax?: number;
  /** Callers that may wait for a free connection, and for how long (see GatedPool). */
  poolQueueMax?: number;
  poolWaitMs?: number;
  /** Marks the connections in pg_stat_activity, e.g. "shop-seed". */
  applicationName?: string;
  /** Bounds every statement in this client's interactive transactions (0: none); DATABASE_STATEMENT_TIMEOUT_MS by default. */
  statementTimeoutMs?: number;
}

// pg errors carry their whole client (config, buffers): log only what says what happened.
const describe = (error: Error & { code?: string }) => ({ error: error.message, code: error.code });

type SqlDriverAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * Interactive transactions hold locks and a connection for as long as they run, so each
 * one starts with SET LOCAL statement_timeout: it lasts exactly the transaction, so it
 * is safe behind PgBouncer's transaction pooling (a plain SET would stay on the server
 * connection for whichever client gets it next), and it holds even where the database's
 * default differs from this process's setting.
 */
function withTransactionTimeout(adapter: SqlDriverAdapter, timeoutMs: number): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction = await startTransaction(isolationLevel);
    try {
      // An integer from the validated environment: SET takes no bind parameters.
      await transaction.executeRaw({ sql: `SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`, args: [], argTypes: [] });
    } catch (error) {
      // The adapter's rollback() only releases the connection: end the transaction first.
      await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
      await transaction.rollback();
      throw error;
    }
    return transaction;
  };
  return adapter;
}

/** A new Prisma client on its own pg pool. Most code wants the `prisma` singleton instead. */
export function createPrismaClient(options: PrismaOptions = {}): PrismaClient {
  const settings = env();
  const poolConfig = {
    connectionString: options.url ?? settings.DATABASE_URL,
    max: options.poolMax ?? settings.DATABASE_POOL_MAX,
    queueMax: options.poolQueueMax ?? settings.DATABASE_POOL_QUEUE_MAX,
    waitMs: options.poolWaitMs ?? settings.DATABASE_POOL_WAIT_MS,
    // With the gate in front, this bounds only opening a connection.
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: settings.DATABASE_IDLE_TIMEOUT_MS,
    // No statement_timeout startup parameter: PgBouncer refuses it (08P01). The database's
    // default (applyDatabaseSettings, run by db:migrate) bounds every statement, and
    // interactive transactions set the process's own value below.
    application_name: options.applicationName ?? "shop",
  };
  const adapterOptions = {
    // A dropped idle connection (e.g. PostgreSQL restarting) must not crash the
    // process; the pool replaces it on the next query.
    onPoolError: (error: Error) => logger.warn(describe(error), "postgres pool connection error"),
    onConnectionError: (error: Error) => logger.warn(describe(error), "postgres connection error"),
    // $disconnect ends the pool; Prisma connects again on the next query, so every
    // connect gets a gated pool of its own (PrismaPg would fall back to a plain one).
    disposeExternalPool: true,
  };
  const timeoutMs = options.statementTimeoutMs ?? settings.DATABASE_STATEMENT_TIMEOUT_MS;
  const adapter = {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: async () => withTransactionTimeout(await new PrismaPg(new GatedPool(poolConfig), adapterOptions).connect(), timeoutMs),
  };
  return new PrismaClient({ adapter });
}

// One client per process and database URL. Next.js hot reload re-evaluates modules
// but keeps globalThis, so the client lives there; keying it by URL keeps a test
// file that points DATABASE_URL elsewhere from inheriting a stale client.
const globalStore = globalThis as typeof globalThis & {
  __shopPrisma?: { url: string; client: PrismaClient };
};

export function getPrisma(): PrismaClient {
  const url = env().DATABASE_URL;
  if (globalStore.__shopPrisma?.url !== url) {
    globalStore.__shopPrisma = { url, client: createPrismaClient({ url }) };
  }
  return globalStore.__shopPrisma.client;
}

/** Disconnects the singleton, if one was made, and forgets it. */
export async function disconnectPrisma(): Promise<void> {
  const current = globalStore.__shopPrisma;
  globalStore.__shopPrisma = undefined;
  await current?.client.$disconnect();
}
