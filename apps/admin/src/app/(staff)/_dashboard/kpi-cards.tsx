import { formatMoney } from "@shop/web/format";
import type { RouterOutputs } from "@shop/api";

type CurrencySummary = RouterOutputs["admin"]["analytics"]["summary"]["currencies"][number];

/** Revenue, orders and average order value in one currency (none: no paid orders). */
export function KpiCards({ summary }: { summary: CurrencySummary | undefined }) {
  const currency = summary?.currency ?? "USD";
  const kpis = [
    ["Revenue", formatMoney(summary?.revenue ?? "0", currency)],
    ["Orders", (summary?.orders ?? 0).toLocaleString("en-US")],
    ["Average order value", formatMoney(summary?.averageOrderValue ?? "0", currency)],
  ] as const;
  return (
    <div className="grid kpis">
      {kpis.map(([label, value]) => (
        <section key={label} className="card" aria-label={label}>
          <p className="muted kpi-label">{label}</p>
          <p className="stat">{value}</p>
        </section>
      ))}
    </div>
  );
}
