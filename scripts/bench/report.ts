// What a run leaves behind: the table on the terminal, bench/results.json, and the
// generated part of docs/performance.md (between markers, so reruns replace only it).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { figureKeys, isMeasured, type Comparison, type Figure, type FigureKey } from "./figures";
import type { Side } from "./measure";

export interface RunFacts {
  mode: "quick" | "full";
  sizes: { small: number; large: number };
  rounds: number;
  startedAt: Date;
  seconds: number;
  loadBefore: number[];
  loadAfter: number[];
  postgres: string;
  skipped: string[];
}

export interface Plan {
  figure: FigureKey;
  sql: string;
  plan: string;
}

const START = "<!-- bench:generated:start (pnpm bench rewrites this part) -->";
const END = "<!-- bench:generated:end -->";

const isComparison = (figure: Figure): figure is Comparison => "ratio" in figure;
const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
const num = (value: number) => (Number.isFinite(value) ? (value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(value >= 10 ? 1 : 2)) : "—");
const sideText = (side: Side) => `${num(side.perSecond)}/s, p50 ${num(side.p50Ms)} ms, p99 ${num(side.p99Ms)} ms${side.cpuMs === undefined ? "" : `, ${num(side.cpuMs)} ms CPU/op`}`;
const met = (value: boolean | null, goal: string) => (value !== null ? (value ? "met" : "NOT met") : goal === "report" ? "report" : "not judged");

/** One line per figure: what was measured, A / B, the ratio against its goal. */
function rows(figures: Record<FigureKey, Figure>): [FigureKey, string, string, string, string][] {
  return figureKeys.map((key) => {
    const figure = figures[key];
    if (!isMeasured(figure)) return [key, `not measured: ${figure.reason}`, "—", figure.goal, "—"];
    if (isComparison(figure)) {
      return [key, `A: ${figure.a.label}: ${sideText(figure.a)}<br>B: ${figure.b.label}: ${sideText(figure.b)}${figure.note ? `<br>${figure.note}` : ""}`, `${num(figure.ratio)}${typeof figure.cpuRatio === "number" ? ` (CPU ${num(figure.cpuRatio)})` : ""}`, figure.goal, met(figure.met, figure.goal)];
    }
    return [key, `${num(figure.value)} ${figure.unit}${figure.note ? ` (${figure.note})` : ""}`, "—", figure.goal, met(figure.met, figure.goal)];
  });
}

function extras(figures: Record<FigureKey, Figure>): string[] {
  const lines: string[] = [];
  const floor = figures.framework_floor;
  if (isComparison(floor)) {
    const ssr = floor.ssr_vs_api as Comparison;
    lines.push(`- SSR product page vs cached \`product.bySlug\` API call: **${num(ssr.ratio)}** (${sideText(ssr.a)} vs ${sideText(ssr.b)}).`);
    lines.push(`- Storefront resident memory after ${num(floor.rss_after_load_s as number)} s of load: **${num(floor.storefront_rss_mb as number)} MB** (the \`next start\` process group).`);
  }
  const checkout = figures.checkout_orders_per_s;
  if ("hot" in checkout) {
    const hot = checkout.hot as { buyers: number; stock: number; sold: number; oversold: number; ordersPerSecond: number };
    lines.push(`- Checkout: p50 ${num(checkout.p50Ms as number)} ms, p99 ${num(checkout.p99Ms as number)} ms per order (cart.add + checkout), ${num(checkout.cpuMsPerOrder as number)} ms of Node CPU per order.`);
    lines.push(`- Hot variant: ${hot.buyers} buyers for a stock of ${hot.stock}: ${hot.sold} sold, **${hot.oversold} oversold**, ${num(hot.ordersPerSecond)} orders/s.`);
  }
  for (const key of figureKeys) {
    const figure = figures[key];
    if (isMeasured(figure) && typeof figure.statements === "number") lines.push(`- \`${key}\`: ${figure.statements} SQL statement(s) per call.`);
  }
  return lines;
}

export function printTable(figures: Record<FigureKey, Figure>, facts: RunFacts): void {
  console.log(`\nIssue 11 figures (${facts.mode}, catalogs ${facts.sizes.small} / ${facts.sizes.large} products, ${facts.rounds} rounds, medians):\n`);
  for (const [key, what, ratio, goal, verdict] of rows(figures)) {
    console.log(`${key.padEnd(22)} ratio ${ratio.padEnd(18)} goal ${goal.padEnd(7)} ${verdict}`);
    for (const line of what.split("<br>")) console.log(`    ${line}`);
  }
  console.log("");
  for (const line of extras(figures)) console.log(line.replaceAll("**", "").replaceAll("`", ""));
  if (facts.skipped.length) console.log(`\nSkipped: ${facts.skipped.join("; ")}`);
}

export async function writeResults(root: string, figures: Record<FigureKey, Figure>): Promise<string> {
  const file = join(root, "bench", "results.json");
  await mkdir(join(root, "bench"), { recursive: true });
  const rounded = JSON.parse(JSON.stringify(figures, (_, value: unknown) => (typeof value === "number" ? round(value, 3) : value))) as unknown;
  await writeFile(file, `${JSON.stringify(rounded, null, 2)}\n`);
  return file;
}

function generated(figures: Record<FigureKey, Figure>, facts: RunFacts, plans: Plan[]): string {
  const cpu = cpus();
  const table = rows(figures).map((cells) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`);
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" / ");
  return [
    START,
    "",
    `Generated by \`pnpm bench${facts.mode === "quick" ? " --quick" : ""}\` on ${facts.startedAt.toISOString()} in ${num(facts.seconds)} s.`,
    "",
    "**Machine:** " +
      [
        `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}`,
        `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
        `Linux ${release()}`,
        `Node ${process.version}`,
        facts.postgres,
        `load average (1/5/15 min) ${load(facts.loadBefore)} before, ${load(facts.loadAfter)} after`,
      ].join(", ") +
      ".",
    "",
    `**Catalogs:** ${facts.sizes.small} and ${facts.sizes.large} products; ${facts.rounds} rounds of A and B interleaved (ABAB…), each side's median. Load generator: autocannon on loopback, same machine.`,
    ...(facts.skipped.length ? ["", `**Skipped in this run:** ${facts.skipped.join("; ")}.`] : []),
    "",
    "| figure | A and B | ratio (from CPU/op) | goal | |",
    "| --- | --- | --- | --- | --- |",
    ...table,
    "",
    ...extras(figures),
    "",
    `### Plans at ${facts.sizes.large} products`,
    "",
    "`EXPLAIN (ANALYZE, BUFFERS)` of each statement the code sent for the growth figures (captured from the pg pool, replayed with its own parameters).",
    "",
    ...plans.flatMap(({ figure, sql, plan }, i) => {
      const ofFigure = plans.filter((other) => other.figure === figure);
      const heading = ofFigure.length > 1 ? `${figure}, statement ${ofFigure.indexOf(plans[i] as Plan) + 1} of ${ofFigure.length}` : figure;
      return [`#### ${heading}`, "", "```sql", sql.trim(), "```", "", "```", plan, "```", ""];
    }),
    END,
  ].join("\n");
}

const skeleton = (body: string) => `# Performance

What \`pnpm bench\` measures (issue 11), on what machine, and what limits each figure.
Run it with \`pnpm bench\` (1k and 100k catalogs; builds the apps if they have no build) or
\`pnpm bench --quick\` (smaller catalogs, fewer and shorter rounds); see the README, "Benchmark".

${body}

## What limits each figure

### framework_floor
### api_core
### orm
### cache
### growth.*
### checkout_orders_per_s
### seed_100k_s
`;

/** Replaces the generated part of docs/performance.md (appends it to a file without one), or writes the file with headings for the prose. */
export async function writePerformanceDoc(root: string, figures: Record<FigureKey, Figure>, facts: RunFacts, plans: Plan[]): Promise<string> {
  const file = join(root, "docs", "performance.md");
  const body = generated(figures, facts, plans);
  const current = existsSync(file) ? await readFile(file, "utf8") : null;
  const [start, end] = [current?.indexOf(START) ?? -1, current?.indexOf(END) ?? -1];
  const next = !current ? skeleton(body) : start > -1 && end > start ? `${current.slice(0, start)}${body}${current.slice(end + END.length)}` : `${current}\n${body}\n`;
  await writeFile(file, next);
  return file;
}
