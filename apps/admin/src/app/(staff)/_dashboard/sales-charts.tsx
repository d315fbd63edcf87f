"use client";
import { formatMoney } from "@shop/web/format";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface DailyPoint {
  day: string;
  revenue: number;
  orders: number;
}

const chartHeight = 260;
const shortDay = (day: string) => day.slice(5);

/** Revenue (in one currency) and orders per day, one chart each (their scales differ too much to share an axis). */
export function SalesCharts({ points, currency }: { points: DailyPoint[]; currency: string }) {
  return (
    <div className="chart-pair">
      <section className="card" aria-label="Revenue over time">
        <h2>Revenue</h2>
        <ResponsiveContainer width="100%" height={chartHeight}>
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={16} />
            <YAxis tickFormatter={(value: number) => formatMoney(String(value), currency)} width={80} />
            <Tooltip formatter={(value) => [formatMoney(Number(value).toFixed(2), currency), "Revenue"]} />
            <Area type="monotone" dataKey="revenue" stroke="#0a6c5a" fill="#0a6c5a" fillOpacity={0.15} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </section>
      <section className="card" aria-label="Orders over time">
        <h2>Orders</h2>
        <ResponsiveContainer width="100%" height={chartHeight}>
          <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={16} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip formatter={(value) => [value, "Orders"]} />
            <Bar dataKey="orders" fill="#3b7fb6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
