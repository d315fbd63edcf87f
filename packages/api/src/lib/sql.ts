import { Prisma } from "@shop/db";

/**
 * A new row id, made by PostgreSQL, for rows written in raw SQL (Prisma makes cuids
 * client side, so its columns have no default): 32 hex digits, unique like a cuid,
 * not sortable by time (nothing orders by id alone).
 */
export const newId = Prisma.sql`replace(gen_random_uuid()::text, '-', '')`;
