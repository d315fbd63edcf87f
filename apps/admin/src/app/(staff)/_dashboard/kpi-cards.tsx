import { formatMoney } from "@shop/web/format";
import type { RouterOutputs } from "@shop/api";

type Summary = RouterOutputs["admin"]["analytics"]["summary"];

export function KpiCards({ summary }: { summary: Summary }) {
  const kpis = [
    ["Revenue", formatMoney(summary.revenue)],
    ["Orders", summary.orders.toLocaleString("en-US")],
    ["Average order value", formatMoney(summary.averageOrderValue)],
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
