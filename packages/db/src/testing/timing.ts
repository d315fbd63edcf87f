/**
 * The median duration of each call over `runs` rounds, in milliseconds. The calls take
 * turns within a round, so a load change on a shared machine hits them alike; timing
 * tests compare these medians with a loose ratio, since one run says little.
 */
export async function medianMs<K extends string>(runs: number, calls: Record<K, (run: number) => Promise<unknown>>): Promise<Record<K, number>> {
  const names = Object.keys(calls) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of names) {
      const started = performance.now();
      await calls[name](run);
      times.get(name)?.push(performance.now() - started);
    }
  }
  const median = (values: number[] = []) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return Object.fromEntries(names.map((name) => [name, median(times.get(name))])) as Record<K, number>;
}
