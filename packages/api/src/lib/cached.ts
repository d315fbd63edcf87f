import type { Context } from "../context";
import { cacheKey } from "../middleware/cache";

export interface CachedOptions<TInput> {
  /** Procedure path, e.g. "product.bySlug": the key is this plus the input. */
  name: string;
  ttl?: string;
  tags: (input: TInput) => string[];
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
  return ({ ctx, input }: { ctx: Context; input: TInput }): Promise<TOutput> =>
    ctx.cache.getOrSet({
      key: cacheKey(options.name, input),
      ttl: options.ttl ?? "5m",
      tags: options.tags(input),
      factory: () => resolve({ ctx, input }),
    });
}

/** Invalidates tags after the change is committed (call it after the transaction). */
export async function invalidate(ctx: Pick<Context, "cache">, tagList: string[]): Promise<void> {
  await ctx.cache.deleteByTag({ tags: tagList });
}
