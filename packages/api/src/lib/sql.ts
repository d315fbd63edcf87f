import { randomBytes } from "node:crypto";
import { Prisma } from "@shop/db";

/**
 * A new row id, made by PostgreSQL, for rows written in raw SQL (Prisma makes cuids
 * client side, so its columns have no default): 32 hex digits, unique like a cuid,
 * not sortable by time (nothing orders by id alone).
 */
export const newId = Prisma.sql`replace(gen_random_uuid()::text, '-', '')`;

// Ids made in Node for rows a raw statement inserts in a known number: they sort in the
// order they were made, as Prisma's cuid() does (a batch's products share one createdAt,
// and the newest-first list breaks that tie by id). Time, then a salt unique to this
// process, then a counter (wrapping far beyond any batch).
const processSalt = randomBytes(6).toString("hex");
let counter = 0;
export function orderedIds(count: number): string[] {
  const prefix = `c${Date.now().toString(36).padStart(9, "0")}${processSalt}`;
  return Array.from({ length: count }, () => `${prefix}${(counter++ % 36 ** 6).toString(36).padStart(6, "0")}`);
}
