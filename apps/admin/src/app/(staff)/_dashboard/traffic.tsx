"use client";
import { QueryView } from "@shop/web/ui";
import { api } from "~/trpc/react";
import { everyDay, toApiRange } from "./date-range";
import { TrafficChart, type TrafficPoint } from "./traffic-chart";

const counted: Record<string, keyof Omit<TrafficPoint, "day">> = { PAGE_VIEW: "pageViews", PRODUCT_VIEW: "productViews", ADD_TO_CART: "addsToCart" };

/** The events query arrives as (day, type, count) rows: one point per day for the chart. */
export function Traffic({ range }: { range: { from: string; to: string } }) {
  const events = api.admin.analytics.events.useQuery(toApiRange(range));
  return (
    <QueryView query={events} loading="Loading traffic…" isEmpty={(rows) => !rows.length} empty="No traffic recorded between these dates.">
      {(rows) => {
        const byDay = new Map<number, { day: Date; pageViews: number; productViews: number; addsToCart: number }>();
        for (const row of rows) {
          const field = counted[row.type];
          if (!field) continue;
          const point = byDay.get(row.day.getTime()) ?? { day: row.day, pageViews: 0, productViews: 0, addsToCart: 0 };
          point[field] += row.count;
          byDay.set(row.day.getTime(), point);
        }
        return <TrafficChart points={everyDay(range, [...byDay.values()], { pageViews: 0, productViews: 0, addsToCart: 0 })} />;
      }}
    </QueryView>
  );
}
