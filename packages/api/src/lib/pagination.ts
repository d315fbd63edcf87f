import { Prisma } from "@shop/db";

/**
 * Cursor pagination over a unique column: fetch one row more than asked to learn
 * whether another page follows, and hand back the last row's key as the cursor.
 */
export function pageArgs<K extends string = "id">(
  input: { cursor?: string; limit: number },
  key: K = "id" as K,
): { take: number; skip?: number; cursor?: Record<K, string> } {
  return input.cursor
    ? { take: input.limit + 1, skip: 1, cursor: { [key]: input.cursor } as Record<K, string> }
    : { take: input.limit + 1 };
}

export function toPage<T extends Record<string, unknown>>(rows: T[], limit: number, key: keyof T = "id") {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? String(items.at(-1)?.[key] ?? "") || null : null };
}

export interface KeysetSort {
  /** Column the list sorts by; `id` breaks ties so the order is total. */
  column: string;
  direction: "asc" | "desc";
}

/**
 * Keyset pagination for a raw query over `table` aliased `alias`: the rows after the
 * cursor row in (column, id) order, as one row comparison that an index ending in
 * (column, id) serves as an index condition, so a deep page costs what page 1 costs
 * (Prisma's own cursor becomes `(c = X AND id <= Y) OR c < X`, which no index serves).
 * The cursor stays the last row's id, as with `pageArgs`; its sort value is read in
 * the same statement (one InitPlan), and an unknown id gives an empty page.
 */
export function keyset(table: string, alias: string, sort: KeysetSort, cursor: string | undefined) {
  const column = Prisma.raw(`"${sort.column}"`);
  const direction = Prisma.raw(sort.direction === "asc" ? "ASC" : "DESC");
  const on = Prisma.raw(alias);
  const after = cursor
    ? Prisma.sql`(${on}.${column}, ${on}.id) ${Prisma.raw(sort.direction === "asc" ? ">" : "<")} (SELECT ${column}, id FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${cursor})`
    : Prisma.sql`TRUE`;
  return { after, orderBy: Prisma.sql`${on}.${column} ${direction}, ${on}.id ${direction}` };
}
