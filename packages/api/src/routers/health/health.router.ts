import { createTRPCRouter, publicProcedure } from "../../trpc";

export const healthRouter = createTRPCRouter({
  /** Liveness of the API and its stores; Redis down is "degraded", not down. */
  check: publicProcedure.query(async ({ ctx }) => {
    const database = await ctx.db.$queryRaw`SELECT 1`.then(() => "up" as const, () => "down" as const);
    const cache = await ctx.redis.ping().then(() => "up" as const, () => "down" as const);
    return { status: database === "down" ? ("down" as const) : cache === "down" ? ("degraded" as const) : ("ok" as const), database, cache };
  }),
});
