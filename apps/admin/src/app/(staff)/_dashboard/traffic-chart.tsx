"use client";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrafficPoint {
  day: string;
  pageViews: number;
  productViews: number;
  addsToCart: number;
}

const series = [
  { key: "pageViews", name: "Page views", colour: "#0a6c5a" },
  { key: "productViews", name: "Product views", colour: "#3b7fb6" },
  { key: "addsToCart", name: "Adds to cart", colour: "#a15c00" },
] as const;

/** Shop traffic per day from the analytics events: the top of the funnel that orders come from. */
export function TrafficChart({ points }: { points: TrafficPoint[] }) {
  return (
    <section className="card" aria-label="Traffic over time">
      <h2>Traffic</h2>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip />
          <Legend />
          {series.map(({ key, name, colour }) => (
            <Line key={key} type="monotone" dataKey={key} name={name} stroke={colour} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </section>
  );
}
