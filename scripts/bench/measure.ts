// How every figure is taken: sides A and B (and more) alternate over rounds, ABAB…,
// so a burst of load from elsewhere on the machine hits both alike, and each side's
// figure is its median over the rounds.
import { readdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";

/** One side of a comparison, as measured. */
export interface Side {
  label: string;
  /** Median over rounds of operations (or requests) per second. */
  perSecond: number;
  /** Latency percentiles in milliseconds (in-process: over every operation; HTTP: median of each round's). */
  p50Ms: number;
  p99Ms: number;
  /** CPU milliseconds per operation of the process doing the work (this one in-process, the server over HTTP). */
  cpuMs?: number;
}

/** What one round of one side produced. */
export interface Round {
  ops: number;
  seconds: number;
  /** Per-operation latencies in ms (in-process), or this round's own percentiles (HTTP). */
  latencies: number[];
  cpuMs?: number;
}

export const median = (values: number[]) => percentile(values, 50);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/**
 * Runs each side once to warm it (discarded), then `rounds` rounds of every side in
 * turn, and summarises each side by its medians.
 */
export async function interleave<K extends string>(
  sides: Record<K, { label: string; run: () => Promise<Round> }>,
  rounds: number,
): Promise<Record<K, Side>> {
  const names = Object.keys(sides) as K[];
  for (const name of names) await sides[name].run();
  const taken = Object.fromEntries(names.map((name) => [name, [] as Round[]])) as Record<K, Round[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of names) taken[name].push(await sides[name].run());
  }
  return Object.fromEntries(
    names.map((name) => {
      const runs = taken[name];
      const all = runs.flatMap((run) => run.latencies);
      const cpu = runs.filter((run) => run.cpuMs !== undefined).map((run) => (run.cpuMs ?? 0) / run.ops);
      const side: Side = {
        label: sides[name].label,
        perSecond: median(runs.map((run) => run.ops / run.seconds)),
        p50Ms: percentile(all, 50),
        p99Ms: percentile(all, 99),
        ...(cpu.length ? { cpuMs: median(cpu) } : {}),
      };
      return [name, side];
    }),
  ) as Record<K, Side>;
}

/**
 * One in-process round: `work` one call at a time for `budgetMs` (at least `minOps`
 * calls), timing each call and the process's CPU time over the round.
 */
export function timed(work: (i: number) => Promise<unknown>, budgetMs: number, minOps = 10): () => Promise<Round> {
  let counter = 0;
  return async () => {
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    while (latencies.length < minOps || performance.now() - started < budgetMs) {
      const before = performance.now();
      await work(counter++);
      latencies.push(performance.now() - before);
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return { ops: latencies.length, seconds, latencies, cpuMs: (used.user + used.system) / 1000 };
  };
}

/**
 * One HTTP round with autocannon on loopback. `serverGroup` is the server's process
 * group: its CPU time over the round, divided by the requests, is the server's cost per
 * request, a figure that CPU contention from elsewhere disturbs far less than req/s.
 * Any non-2xx answer or connection error fails the round: a fast error is no figure.
 */
export function loaded(url: string, seconds: number, connections: number, serverGroup?: number): () => Promise<Round> {
  return async () => {
    const cpuBefore = serverGroup ? groupCpuMs(serverGroup) : 0;
    const result = await autocannon({ url, connections, duration: seconds });
    const cpuMs = serverGroup ? groupCpuMs(serverGroup) - cpuBefore : undefined;
    if (result.non2xx || result.errors || result.timeouts) {
      throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts under load`);
    }
    const ops = result.requests.total;
    return { ops, seconds: result.duration, latencies: [result.latency.p50, result.latency.p99], ...(cpuMs === undefined ? {} : { cpuMs }) };
  };
}

const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces): state ppid pgrp …; null once the process is gone. */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The processes of a process group (from /proc, Linux). */
const groupMembers = (group: number) => readdirSync("/proc").filter((entry) => /^\d+$/.test(entry) && Number(statFields(entry)?.[2]) === group);

/** User + system CPU milliseconds used so far by every live process of a group. */
export function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const pid of groupMembers(group)) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return (ticks * 1000) / clockTicks;
}

/** Resident memory (MB) of every process of a group. */
export function groupRssMb(group: number): number {
  let kb = 0;
  for (const pid of groupMembers(group)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements `work` sends through pg pools (Prisma's adapter sends every query
 * outside a transaction through its pool's `query`), captured as sent, so a figure
 * can replay or EXPLAIN the SQL the code really runs rather than a hand-written copy.
 */
export async function captureSql(work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const original = pg.Pool.prototype.query;
  const patched = function (this: pg.Pool, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof config === "string") seen.push({ text: config, values: values ?? [] });
    else if (config && typeof config === "object") seen.push({ text: config.text, values: config.values ?? values ?? [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Pool.prototype.query = patched as typeof original;
  try {
    await work();
  } finally {
    pg.Pool.prototype.query = original;
  }
  if (seen.length === 0) throw new Error("captured no SQL: the code no longer queries through pg.Pool#query; update captureSql");
  return seen;
}
