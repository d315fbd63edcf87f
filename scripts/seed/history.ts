import type { OrderStatus } from "@shop/db";
import { createRandom } from "./random";

/** How far back the seeded orders and traffic reach. */
export const HISTORY_DAYS = 90;
const DAY = 86_400_000;
const HOUR = 3_600_000;

// A shop's week: busiest at the weekend, quietest on Monday (index = getUTCDay()).
const weekday = [1.3, 0.75, 0.9, 1, 1, 1.15, 1.4];
// Recent days are busier: the last day weighs 2.5 times the first (a growing shop).
const recency = (daysAgo: number) => 1 + 1.5 * (1 - daysAgo / (HISTORY_DAYS - 1));

/** How busy the day `daysAgo` days before `now` is, relative to an average one: orders and traffic follow it. */
export function dayWeight(now: Date, daysAgo: number): number {
  return recency(daysAgo) * (weekday[new Date(now.getTime() - daysAgo * DAY).getUTCDay()] ?? 1);
}

export type SeedStatus = Extract<OrderStatus, "PENDING" | "PAID" | "FULFILLING" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED">;

export interface PlannedOrder {
  /** When checkout runs (the API's clock is set to it). */
  placedAt: Date;
  status: SeedStatus;
}

// The newest orders, at fixed ages, so every status in flight exists however few orders there are.
const recent: [SeedStatus, number][] = [
  ["PENDING", 8 * 60_000],
  ["PAID", 3 * HOUR],
  ["FULFILLING", 20 * HOUR],
  ["SHIPPED", 60 * HOUR],
];

/**
 * `count` orders over the last HISTORY_DAYS days before `now`, oldest first: their
 * days spread in proportion to dayWeight (stratified, so every stretch of the
 * range gets its share and no day is skipped by chance), at shop hours, with the
 * status an order of that age would have: the four newest at fixed ages in flight
 * (pending, paid, being packed, shipped), older ones shipped or delivered, and a
 * steady share cancelled or refunded.
 */
export function planOrders(count: number, now: Date, seed: number): PlannedOrder[] {
  const random = createRandom(seed);
  const weights = Array.from({ length: HISTORY_DAYS }, (_, i) => dayWeight(now, HISTORY_DAYS - 1 - i));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const history = Math.max(0, count - recent.length);
  const planned: PlannedOrder[] = [];
  let day = 0;
  let reached = weights[0] ?? 0;
  for (let k = 0; k < history; k++) {
    const target = ((k + random.next()) / history) * total;
    while (reached < target && day < HISTORY_DAYS - 1) reached += weights[++day] ?? 0;
    const daysAgo = HISTORY_DAYS - 1 - day;
    // Between 7:00 and 23:00 UTC, most around midday and the evening.
    const hour = 7 + 16 * (random.next() + random.next()) / 2;
    const midnight = Math.floor(now.getTime() / DAY) * DAY - daysAgo * DAY;
    // Today's orders before now, and older than the fixed recent ones.
    const placedAt = new Date(Math.min(midnight + hour * HOUR, now.getTime() - 4 * HOUR - random.int(0, 60) * 60_000));
    const age = now.getTime() - placedAt.getTime();
    const status: SeedStatus =
      k % 14 === 6 ? "CANCELLED" : k % 19 === 11 ? "REFUNDED" : age < DAY ? "PAID" : age < 2 * DAY ? "FULFILLING" : age < 6 * DAY ? "SHIPPED" : "DELIVERED";
    planned.push({ placedAt, status });
  }
  planned.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  return [...planned, ...recent.slice(0, count).map(([status, age]) => ({ placedAt: new Date(now.getTime() - age), status })).reverse()];
}

/**
 * When each step after checkout happens, from the time of the one before: paid
 * minutes after checkout (within the stock hold), packed the next day, shipped a
 * day or two later, delivered a few days after that; a cancellation comes within
 * the hold, a refund about a week after payment. Never later than `now`.
 */
export function stepTime(step: "pay" | "refund" | "FULFILLING" | "SHIPPED" | "DELIVERED" | "CANCELLED", previous: Date, now: Date, n: number): Date {
  const after: Record<typeof step, number> = {
    pay: (2 + (n % 5)) * 60_000,
    CANCELLED: (10 + (n % 15)) * 60_000,
    FULFILLING: (8 + (n % 10)) * HOUR,
    SHIPPED: (20 + (n % 24)) * HOUR,
    DELIVERED: (2 + (n % 3)) * DAY,
    refund: (5 + (n % 5)) * DAY,
  };
  return new Date(Math.min(previous.getTime() + after[step], now.getTime() - 60_000));
}
