import { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { cacheChanged, cacheKey } from "./cache";

/** How long an entry lives when `ttl` is not given. */
export const defaultTtl = "5m";

export interface CachedOptions<TInput> {
  /** Procedure path, e.g. "product.bySlug": the key is this plus the input. */
  name: string;
  ttl?: string;
  tags: (input: TInput) => string[];
  /**
   * A public catalog read that may run on a read replica (ctx.catalog): the factory's
   * `ctx.db` is then a replica that has replayed every invalidated change, or the primary.
   */
  replica?: boolean;
}

/**
 * Wraps a public read in cache-aside: same input, same key, one database query per
 * miss however many callers wait on it. Only for reads whose result does not depend
 * on who is asking (keys carry no user), so one user's data never reaches another.
 */
export function cached<TInput, TOutput>(
  options: CachedOptions<TInput>,
  resolve: (opts: { ctx: Context; input: TInput }) => Promise<TOutput>,
) {
  const read = async ({ ctx, input }: { ctx: Context; input: TInput }): Promise<TOutput> => {
    const outcome = await ctx.cache.getOrSet({
      key: cacheKey(options.name, input),
      ttl: options.ttl ?? defaultTtl,
      tags: options.tags(input),
      factory: () => settle(() => (options.replica ? ctx.catalog.read((db) => resolve({ ctx: { ...ctx, db }, input })) : resolve({ ctx, input }))),
    });
    if (!outcome.ok) throw new TRPCError({ code: outcome.code, message: outcome.message });
    ctx.sharedReads.count++;
    return outcome.value;
  };
  cachedReads.set(read, options as CachedOptions<never>);
  return read;
}

// Which resolvers are cached reads, and how: docs/api-reference.md's cache column comes from here.
const cachedReads = new WeakMap<object, CachedOptions<never>>();

/** The options a `cached()` read was made with, when `resolver` is one (a procedure's `_def.resolver`). */
export const cachedReadOf = (resolver: unknown) => (typeof resolver === "function" ? cachedReads.get(resolver) : undefined);

type Outcome<T> = { ok: true; value: T } | { ok: false; code: TRPCError["code"]; message: string };

/**
 * A client error (say NOT_FOUND for an archived product) is an answer, cached and
 * invalidated like any other. Left as a throw, it would count as a failed refresh
 * and the cache's grace period would keep serving the stale entry. Real failures
 * (database down) still throw, and there grace is what we want.
 */
async function settle<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      return { ok: false, code: error.code, message: error.message };
    }
    throw error;
  }
}

/**
 * Invalidates tags after the change is committed (call it after the transaction).
 * The replica watermark is raised first, so no refill after the invalidation can read
 * a replica that has not replayed the change.
 */
export async function invalidate(ctx: Pick<Context, "cache" | "catalog">, tagList: string[]): Promise<void> {
  await ctx.catalog.changed();
  await ctx.cache.deleteByTag({ tags: tagList });
  cacheChanged();
}
