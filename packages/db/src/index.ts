import { getPrisma } from "./client";
import { getRedis } from "./redis";

/** The Prisma client singleton (driver adapter @prisma/adapter-pg). */
export const prisma = getPrisma();
/** The ioredis client singleton; it connects on first use. */
export const redis = getRedis();

export { createPrismaClient, disconnectPrisma, getPrisma, type PrismaOptions } from "./client";
export { CatalogReads, getCatalogReads, type CatalogReadsOptions } from "./replicas";
export { createRedisClient, disconnectRedis, getRedis, redisSibling, redisTopology, type RedisClient, type RedisClientOptions, type RedisNode, type RedisRole, type RedisTopology } from "./redis";
export { checkEnvOrExit, env, EnvError, findRepoRoot, loadDotenvFiles, overrideEnv, parseEnv, TEST_PAYMENTS_OPT_IN, type Env } from "./env";
export { accountTokenLifetimes, deleteExpiredAccountTokens, issueAccountToken, redeemAccountToken, revokeAccountTokens, type AccountTokenPurpose } from "./account-tokens";
export { JOB_SCHEMA } from "./job-schema";
export { isDatabaseUnavailable, isPoolBusy, PoolBusyError } from "./pool";
export { createLogger, logger, type Logger } from "./logger";
export { closeWithDatabase, disconnectAll, installShutdownHooks } from "./shutdown";
export { Prisma, PrismaClient } from "@prisma/client";
export type * from "@prisma/client";
