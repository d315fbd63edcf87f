import { Prisma } from "@shop/db";
import { cached } from "../../lib/cached";
import { dateRange } from "../../lib/schemas";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { analyticsEventInput } from "./analytics-events";

const revenueStatuses = ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"] as const;

export const adminAnalyticsRouter = createTRPCRouter({
  /**
   * Revenue, orders, average order value, a daily series and the top products over
   * [from, to], counting orders that were paid (and not cancelled or refunded).
   */
  summary: staffProcedure.input(dateRange).query(
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
  events: staffProcedure.input(dateRange).query(
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

  /**
   * Rebuilds the daily aggregates (Analytics rows) for [from, to] from orders and
   * events; the reports read these. Re-running it for the same days is harmless.
   */
  rollup: adminProcedure.input(dateRange).mutation(async ({ ctx, input }) => {
    const days = await ctx.db.$executeRaw`
      INSERT INTO "Analytics" (day, currency, orders, revenue, "itemsSold", visitors, "productViews", "updatedAt")
      SELECT d::date, 'USD', COALESCE(o.orders, 0), COALESCE(o.revenue, 0), COALESCE(o.items, 0),
             COALESCE(e.visitors, 0), COALESCE(e.views, 0), now()
        FROM generate_series(${input.from}::date, ${input.to}::date, interval '1 day') AS d
        LEFT JOIN (
          SELECT "placedAt"::date AS day, count(DISTINCT o.id) AS orders, sum(DISTINCT o.total) AS revenue, sum(i.quantity) AS items
            FROM "Order" o JOIN "OrderItem" i ON i."orderId" = o.id
           WHERE o.status::text IN ('PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED') AND o.currency = 'USD'
           GROUP BY 1) o ON o.day = d::date
        LEFT JOIN (
          SELECT "occurredAt"::date AS day,
                 count(DISTINCT "sessionId") FILTER (WHERE type = 'PAGE_VIEW') AS visitors,
                 count(*) FILTER (WHERE type = 'PRODUCT_VIEW') AS views
            FROM "AnalyticsEvent" GROUP BY 1) e ON e.day = d::date
      ON CONFLICT (day, currency) DO UPDATE SET
        orders = EXCLUDED.orders, revenue = EXCLUDED.revenue, "itemsSold" = EXCLUDED."itemsSold",
        visitors = EXCLUDED.visitors, "productViews" = EXCLUDED."productViews", "updatedAt" = now()`;
    await invalidate(ctx, [tags.analytics]);
    return { days };
  }),

  /** The daily aggregates over [from, to]. */
  daily: staffProcedure.input(dateRange).query(
    cached({ name: "admin.analytics.daily", ttl: "1m", tags: () => [tags.analytics] }, ({ ctx, input }) =>
      ctx.db.analytics.findMany({
        where: { day: { gte: input.from, lte: input.to } },
        orderBy: { day: "asc" },
        select: { day: true, currency: true, orders: true, revenue: true, itemsSold: true, visitors: true, productViews: true },
      }),
    ),
  ),
});
