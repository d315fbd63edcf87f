// The figures of issue 11's table, each with its goal, as results.json holds them.
import type { Side } from "./measure";

/** A ratio that must be at least (or at most) `value`; null: reported, no goal. */
export type Goal = { atLeast: number } | { atMost: number } | null;

export interface Comparison {
  a: Side;
  b: Side;
  ratio: number;
  goal: string;
  met: boolean | null;
  note?: string;
  /** Further figures taken with this one (statements per call, RSS…). */
  [detail: string]: unknown;
}

export interface Amount {
  value: number;
  unit: string;
  goal: string;
  met: boolean | null;
  note?: string;
  [detail: string]: unknown;
}

export interface NotMeasured {
  measured: false;
  reason: string;
  goal: string;
}

export type Figure = Comparison | Amount | NotMeasured;

export const isMeasured = (figure: Figure): figure is Comparison | Amount => figure.measured !== false;

export const figureKeys = [
  "framework_floor",
  "api_core",
  "orm",
  "cache",
  "growth.list",
  "growth.deep_page",
  "growth.search",
  "growth.price",
  "growth.by_slug",
  "growth.categories",
  "checkout_orders_per_s",
  "seed_100k_s",
] as const;
export type FigureKey = (typeof figureKeys)[number];

export const goals: Record<FigureKey, Goal> = {
  framework_floor: { atLeast: 0.8 },
  api_core: { atLeast: 0.3 },
  orm: { atLeast: 0.5 },
  cache: { atLeast: 10 },
  "growth.list": { atMost: 1.5 },
  "growth.deep_page": { atMost: 1.5 },
  "growth.search": { atMost: 1.5 },
  "growth.price": { atMost: 1.5 },
  "growth.by_slug": { atMost: 1.5 },
  "growth.categories": { atMost: 1.5 },
  checkout_orders_per_s: null,
  seed_100k_s: { atMost: 180 },
};

export const describeGoal = (goal: Goal) => (!goal ? "report" : "atLeast" in goal ? `>= ${goal.atLeast}` : `<= ${goal.atMost}`);
const meets = (goal: Goal, value: number) => (!goal || !Number.isFinite(value) ? null : "atLeast" in goal ? value >= goal.atLeast : value <= goal.atMost);

/**
 * A against B. Throughput figures divide A's rate by B's; growth figures divide A's
 * median latency by B's (by "latency").
 */
export function compare(key: FigureKey, a: Side, b: Side, by: "rate" | "latency" = "rate", note?: string): Comparison {
  const ratio = by === "rate" ? a.perSecond / b.perSecond : a.p50Ms / b.p50Ms;
  // The same rate ratio from CPU per operation (B's over A's): CPU time is what a
  // side costs, and other load on the machine disturbs it far less than req/s.
  const cpuRatio = by === "rate" && a.cpuMs && b.cpuMs ? b.cpuMs / a.cpuMs : undefined;
  return { a, b, ratio, ...(cpuRatio ? { cpuRatio } : {}), goal: describeGoal(goals[key]), met: meets(goals[key], ratio), ...(note ? { note } : {}) };
}

export function amount(key: FigureKey, value: number, unit: string, details: Record<string, unknown> = {}): Amount {
  return { value, unit, goal: describeGoal(goals[key]), met: meets(goals[key], value), ...details };
}

export const notMeasured = (key: FigureKey, reason: string): NotMeasured => ({ measured: false, reason, goal: describeGoal(goals[key]) });
