/** A day as the date input writes it: "2026-11-25" (UTC, like the API's daily buckets). */
type Day = string;

const dayMs = 86_400_000;

const toDay = (date: Date): Day => date.toISOString().slice(0, 10);

/** The last `days` days up to and including today. */
export function lastDays(days: number, today = new Date()): { from: Day; to: Day } {
  return { from: toDay(new Date(today.getTime() - (days - 1) * dayMs)), to: toDay(today) };
}

/** The API's range: from the start of the first day to the end of the last. */
export function toApiRange(range: { from: Day; to: Day }): { from: Date; to: Date } {
  return { from: new Date(`${range.from}T00:00:00.000Z`), to: new Date(`${range.to}T23:59:59.999Z`) };
}

/**
 * One row per day of the range: the API only returns days that had orders, and a
 * chart that skipped the quiet days would draw a misleading line.
 */
export function everyDay<T extends object>(range: { from: Day; to: Day }, rows: (T & { day: Date })[], empty: T): (T & { day: Day })[] {
  const byDay = new Map<Day, T>(rows.map((row) => [toDay(row.day), row]));
  const filled: (T & { day: Day })[] = [];
  for (let time = Date.parse(range.from); time <= Date.parse(range.to); time += dayMs) {
    const day = toDay(new Date(time));
    filled.push({ ...(byDay.get(day) ?? empty), day });
  }
  return filled;
}
