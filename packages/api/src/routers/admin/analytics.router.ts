import { Prisma } from "@shop/db";
import { cached, invalidate } from "../../lib/cached";
import { roundMoney } from "../../lib/money";
import { paidOrderStatuses } from "../../lib/lifecycle";
import { readSettings } from "../../lib/settings";
import { dateRange } from "../../lib/schemas";
import { tags } from "../../lib/cache";
import { adminProcedure, createTRPCRouter, staffProcedure } from "../../trpc";
import { z } from "zod";
import { analyticsEventInput } from "./analytics-events";

/** Rounds an average like any other amount the shop shows (half away from zero, 2 places). */
const average = (revenue: Prisma.Decimal, orders: number) => (orders ? roundMoney(revenue.div(orders)) : new Prisma.Decimal(0));

export const adminAnalyticsRouter = createTRPCRouter({
  /**
   * Paid orders over [from, to] (statuses in `paidOrderStatuses`): the order count, and
   * per currency (amounts are never added across currencies) the revenue, orders and
   * average order value, a daily series, and the five best-selling products.
   */
  summary: staffProcedure.input(dateRange).query(
    cached({ name: "admin.analytics.summary", ttl: "1m", tags: () => [tags.analytics] }, async ({ ctx, input }) => {
      const where = { placedAt: { gte: input.from, lte: input.to }, status: { in: [...paidOrderStatuses] } };
      const paid = Prisma.join([...paidOrderStatuses]);
      const [perCurrency, top, daily] = await Promise.all([
        ctx.db.order.groupBy({ by: ["currency"], where, _sum: { total: true }, _count: { _all: true }, orderBy: { currency: "asc" } }),
        ctx.db.$queryRaw<{ productId: string | null; name: string; currency: string; quantity: bigint; revenue: Prisma.Decimal }[]>`
          SELECT "productId", name, currency, quantity, revenue FROM (
            SELECT i."productId", i."productName" AS name, i.currency, sum(i.quantity) AS quantity, sum(i."lineTotal") AS revenue,
                   row_number() OVER (PARTITION BY i.currency ORDER BY sum(i."lineTotal") DESC, i."productName") AS rank
              FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId"
             WHERE o."placedAt" BETWEEN ${input.from} AND ${input.to} AND o.status::text IN (${paid})
             GROUP BY 1, 2, 3) ranked
           WHERE rank <= 5 ORDER BY currency, rank`,
        ctx.db.$queryRaw<{ day: Date; currency: string; orders: bigint; revenue: Prisma.Decimal }[]>`
          SELECT date_trunc('day', "placedAt") AS day, currency, count(*) AS orders, sum(total) AS revenue
            FROM "Order"
           WHERE "placedAt" BETWEEN ${input.from} AND ${input.to} AND status::text IN (${paid})
           GROUP BY 1, 2 ORDER BY 1, 2`,
      ]);
      const currencies = perCurrency.map((row) => {
        const revenue = row._sum.total ?? new Prisma.Decimal(0);
        return { currency: row.currency, orders: row._count._all, revenue, averageOrderValue: average(revenue, row._count._all) };
      });
      return {
        orders: currencies.reduce((sum, row) => sum + row.orders, 0),
        currencies,
        daily: daily.map((row) => ({ day: row.day, currency: row.currency, orders: Number(row.orders), revenue: new Prisma.Decimal(row.revenue) })),
        topProducts: top.map((row) => ({
          productId: row.productId,
          name: row.name,
          currency: row.currency,
          quantity: Number(row.quantity),
          revenue: new Prisma.Decimal(row.revenue),
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
   * Rebuilds the daily aggregates (Analytics rows) for the days [from, to] from paid
   * orders and events; the reports read these. One row per day and currency with paid
   * orders, plus one per day in the shop's default currency (`store.currency`), which
   * also carries the day's traffic: events have no currency, so they are counted once.
   * The range's rows are replaced in one transaction, so re-running it is harmless and
   * a currency whose orders no longer count leaves no stale row.
   */
  rollup: adminProcedure.input(dateRange).mutation(async ({ ctx, input }) => {
    const defaultCurrency = (await readSettings(ctx))["store.currency"];
    const paid = Prisma.join([...paidOrderStatuses]);
    const [, rows, [span]] = await ctx.db.$transaction([
      ctx.db.$executeRaw`DELETE FROM "Analytics" WHERE day BETWEEN ${input.from}::date AND ${input.to}::date`,
      ctx.db.$executeRaw`
        INSERT INTO "Analytics" (day, currency, orders, revenue, "itemsSold", visitors, "productViews", "updatedAt")
        SELECT k.day, k.currency, COALESCE(o.orders, 0), COALESCE(o.revenue, 0), COALESCE(o.items, 0),
               COALESCE(e.visitors, 0), COALESCE(e.views, 0), now()
          FROM (
            SELECT d::date AS day, ${defaultCurrency}::text AS currency
              FROM generate_series(${input.from}::date, ${input.to}::date, interval '1 day') AS d
            UNION
            SELECT "placedAt"::date, currency FROM "Order"
             WHERE "placedAt"::date BETWEEN ${input.from}::date AND ${input.to}::date AND status::text IN (${paid})
          ) k
          LEFT JOIN (
            -- One row per order (its items summed first), so equal totals are all counted.
            SELECT o."placedAt"::date AS day, o.currency, count(*) AS orders, sum(o.total) AS revenue, sum(i.items) AS items
              FROM "Order" o
              JOIN (SELECT "orderId", sum(quantity) AS items FROM "OrderItem" GROUP BY 1) i ON i."orderId" = o.id
             WHERE o.status::text IN (${paid})
               AND o."placedAt"::date BETWEEN ${input.from}::date AND ${input.to}::date
             GROUP BY 1, 2) o ON o.day = k.day AND o.currency = k.currency
          LEFT JOIN (
            SELECT "occurredAt"::date AS day,
                   count(DISTINCT "sessionId") FILTER (WHERE type = 'PAGE_VIEW') AS visitors,
                   count(*) FILTER (WHERE type = 'PRODUCT_VIEW') AS views
              FROM "AnalyticsEvent"
             WHERE "occurredAt"::date BETWEEN ${input.from}::date AND ${input.to}::date
             GROUP BY 1) e ON e.day = k.day AND k.currency = ${defaultCurrency}`,
      ctx.db.$queryRaw<{ days: number }[]>`SELECT (${input.to}::date - ${input.from}::date + 1)::int AS days`,
    ]);
    await invalidate(ctx, [tags.analytics]);
    return { days: span?.days ?? 0, rows };
  }),

  /** The daily aggregates over [from, to]. */
  daily: staffProcedure.input(dateRange).query(
    cached({ name: "admin.analytics.daily", ttl: "1m", tags: () => [tags.analytics] }, ({ ctx, input }) =>
      ctx.db.analytics.findMany({
        where: { day: { gte: input.from, lte: input.to } },
        orderBy: [{ day: "asc" }, { currency: "asc" }],
        select: { day: true, currency: true, orders: true, revenue: true, itemsSold: true, visitors: true, productViews: true },
      }),
    ),
  ),
});
