import { cacheTierState } from "../../lib/cache";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const healthRouter = createTRPCRouter({
  /**
   * Liveness of the API and its stores; Redis down is "degraded", not down. `cache` is
   * "down" while Redis does not answer or while the cache's own Redis calls fail (its
   * circuit breaker open included), so a tier that fails only for the cache shows too.
   */
  check: publicProcedure.query(async ({ ctx }) => {
    const [database, ping, tier] = await Promise.all([
      ctx.db.$queryRaw`SELECT 1`.then(() => "up" as const, () => "down" as const),
      ctx.redis.ping().then(() => "up" as const, () => "down" as const),
      cacheTierState(ctx.cache),
    ]);
    const cache = ping === "up" && tier === "up" ? ("up" as const) : ("down" as const);
    return { status: database === "down" ? ("down" as const) : cache === "down" ? ("degraded" as const) : ("ok" as const), database, cache };
  }),
});
