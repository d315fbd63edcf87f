/**
 * The median duration of `runs` sequential calls, in milliseconds: timing tests compare
 * medians with a loose ratio, since a single run on a shared machine says little.
 */
export async function medianMs(runs: number, call: (run: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call(run);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? NaN;
}
