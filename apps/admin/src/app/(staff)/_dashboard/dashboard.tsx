"use client";
import { QueryView } from "@shop/web/ui";
import { useState } from "react";
import { api } from "~/trpc/react";
import { everyDay, lastDays, toApiRange } from "./date-range";
import { KpiCards } from "./kpi-cards";
import { SalesCharts } from "./sales-charts";
import { TopProducts } from "./top-products";
import { Traffic } from "./traffic";

export function Dashboard() {
  const [range, setRange] = useState(() => lastDays(30));
  const [currency, setCurrency] = useState<string>();
  const invalid = range.from > range.to;
  const summary = api.admin.analytics.summary.useQuery(toApiRange(range), { enabled: !invalid });

  return (
    <div className="stack">
      <form className="toolbar" aria-label="Date range" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span className="field-label">Start date</span>
          <input type="date" value={range.from} max={range.to} required onChange={(event) => event.target.value && setRange({ ...range, from: event.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">End date</span>
          <input type="date" value={range.to} min={range.from} required onChange={(event) => event.target.value && setRange({ ...range, to: event.target.value })} />
        </label>
        <button type="button" className="button" onClick={() => setRange(lastDays(30))}>
          Last 30 days
        </button>
      </form>
      {invalid ? (
        <p className="form-error" role="alert">
          The start date must not be after the end date.
        </p>
      ) : (
        <QueryView query={summary} loading="Loading sales…">
          {(data) => {
            // Amounts are never added across currencies: the page shows one at a time.
            const shown = data.currencies.find((row) => row.currency === currency) ?? data.currencies[0];
            const inCurrency = <T extends { currency: string }>(rows: T[]) => rows.filter((row) => row.currency === shown?.currency);
            return (
              <>
                {data.currencies.length > 1 ? (
                  <div className="toolbar">
                    <label className="field">
                      <span className="field-label">Currency</span>
                      <select value={shown?.currency} onChange={(event) => setCurrency(event.target.value)}>
                        {data.currencies.map((row) => (
                          <option key={row.currency} value={row.currency}>
                            {row.currency} ({row.orders.toLocaleString("en-US")} orders)
                          </option>
                        ))}
                      </select>
                    </label>
                    <p className="muted">
                      Paid orders in {data.currencies.length} currencies ({data.orders.toLocaleString("en-US")} in all); revenue is reported per currency, never added up across them.
                    </p>
                  </div>
                ) : null}
                <KpiCards summary={shown} />
                {shown ? (
                  <SalesCharts
                    currency={shown.currency}
                    points={everyDay(
                      range,
                      inCurrency(data.daily).map((row) => ({ day: row.day, orders: row.orders, revenue: Number(row.revenue.toFixed(2)) })),
                      { orders: 0, revenue: 0 },
                    )}
                  />
                ) : (
                  <p className="notice">No paid orders between these dates, so there is nothing to chart.</p>
                )}
                <TopProducts products={inCurrency(data.topProducts)} />
              </>
            );
          }}
        </QueryView>
      )}
      {invalid ? null : <Traffic range={range} />}
    </div>
  );
}
