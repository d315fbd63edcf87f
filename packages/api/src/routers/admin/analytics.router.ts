import { Prisma } from "@shop/db";
import { cached } from "../../lib/cached";
import { dateRange } from "../../lib/schemas";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter } from "../../trpc";

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
});
