import { Prisma } from "@shop/db";
import { cached } from "../../lib/cached";
import { dateRange } from "../../lib/schemas";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter } from "../../trpc";
import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { analyticsEventInput } from "./analytics-events";

const revenueStatuses = ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"] as const;

export const adminAnalyticsRouter = createTRPCRouter({
  /**
   * Revenue, orders, average order value, a daily series and the top products over
   * [from, to], counting orders that were paid (and not cancelled or refunded).
   */
  summary: adminProcedure.input(dateRange).query(
    cached({ name: "admin.analytics.summary", ttl: "1m", tags: () => [tags.analytics] }, async ({ ctx, input }) => {
      const where = { placedAt: { gte: input.from, lte: input.to }, status: { in: [...revenueStatuses] } };
      const [totals, top, daily] = await Promise.all([
        ctx.db.order.aggregate({ where, _sum: { total: true }, _count: { _all: true } }),
        ctx.db.orderItem.groupBy({
          by: ["productId", "productName"],
          where: { order: where },
          _sum: { quantity: true, lineTotal: true },
          orderBy: { _sum: { lineTotal: "desc" } },
          take: 5,
        }),
        ctx.db.$queryRaw<{ day: Date; orders: bigint; revenue: Prisma.Decimal }[]>`
          SELECT date_trunc('day', "placedAt") AS day, count(*) AS orders, sum(total) AS revenue
            FROM "Order"
           WHERE "placedAt" BETWEEN ${input.from} AND ${input.to}
             AND status::text IN ('PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED')
           GROUP BY 1 ORDER BY 1`,
      ]);
      const revenue = totals._sum.total ?? new Prisma.Decimal(0);
      const orders = totals._count._all;
      return {
        revenue,
        orders,
        averageOrderValue: orders ? revenue.div(orders).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP) : new Prisma.Decimal(0),
        daily: daily.map((row) => ({ day: row.day, orders: Number(row.orders), revenue: new Prisma.Decimal(row.revenue) })),
        topProducts: top.map((row) => ({
          productId: row.productId,
          name: row.productName,
          quantity: row._sum.quantity ?? 0,
          revenue: row._sum.lineTotal ?? new Prisma.Decimal(0),
        })),
      };
    }),
  ),

  /** Daily event counts by type over [from, to], for the dashboard's traffic chart. */
  events: adminProcedure.input(dateRange).query(
    cached({ name: "admin.analytics.events", ttl: "1m", tags: () => [tags.analytics] }, async ({ ctx, input }) => {
      const rows = await ctx.db.$queryRaw<{ day: Date; type: string; count: bigint }[]>`
        SELECT date_trunc('day', "occurredAt") AS day, type::text AS type, count(*) AS count
          FROM "AnalyticsEvent"
         WHERE "occurredAt" BETWEEN ${input.from} AND ${input.to}
         GROUP BY 1, 2 ORDER BY 1, 2`;
      return rows.map((row) => ({ day: row.day, type: row.type, count: Number(row.count) }));
    }),
  ),

  /** Records events in bulk (imports, the seed); storefront tracking writes them one by one. */
  recordEvents: adminProcedure.input(z.object({ events: z.array(analyticsEventInput).min(1).max(5_000) })).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.analyticsEvent.createMany({ data: input.events });
    await invalidate(ctx, [tags.analytics]);
    return { recorded: count };
  }),
});
