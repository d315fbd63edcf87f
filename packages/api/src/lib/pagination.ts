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
