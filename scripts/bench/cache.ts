// cache: the product page (`product.bySlug`) through `createCaller`, answered by the
// cache's memory tier, against the same call computed afresh every time.
import { createCaller } from "../../packages/api/src/index";
import { compare, type Comparison } from "./figures";
import { interleave, timed } from "./measure";
import type { Shop } from "./shop";

export async function measureCache(shop: Shop, slugs: string[], rounds: number, budgetMs: number): Promise<Comparison> {
  const cached = createCaller(shop.context());
  const uncached = createCaller(shop.uncachedContext());
  const slug = (i: number) => ({ slug: slugs[i % slugs.length] ?? "" });
  // Fill the cache first: a short round may not cycle through every slug, and A must be all hits.
  for (let i = 0; i < slugs.length; i++) await cached.product.bySlug(slug(i));
  const sides = await interleave(
    {
      a: { label: "product.bySlug via createCaller, cached (memory tier)", run: timed((i) => cached.product.bySlug(slug(i)), budgetMs) },
      b: { label: "product.bySlug via createCaller, uncached", run: timed((i) => uncached.product.bySlug(slug(i)), budgetMs) },
    },
    rounds,
  );
  return compare("cache", sides.a, sides.b);
}
