// api_core: what the API layer costs on top of its parts, for a cached read. A is the
// storefront's tRPC route handler (the fetch adapter, as Next.js mounts it) on plain
// node:http; B is bare node:http plus one Redis GET answering the very same bytes.
// Both run in one child process, loaded one at a time by autocannon from this one,
// interleaved over rounds so machine noise hits both alike; medians are reported.
//
// measureApiCore() expects the environment of a migrated, seeded database (DATABASE_URL)
// and a Redis (REDIS_URL); run this file directly for a self-contained run:
//   tsx scripts/bench/api-core.ts [--rounds N] [--seconds S] [--profile out.cpuprofile]
// --profile: a CPU profile of the in-process cached calls, summarised by package.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { median } from "./measure";
import { profiled, selfTimeByOwner } from "./profile";

/** The hot public read: the storefront's first product page, answered from the cache. */
const PATH = `/api/trpc/product.list?input=${encodeURIComponent(JSON.stringify({ json: { sort: "newest" } }))}`;
const ORIGIN = "http://shop.bench";

export interface ApiCoreResult {
  /** Median req/s of the tRPC route handler on node:http. */
  a: number;
  /** Median req/s of bare node:http + one Redis GET, same bytes. */
  b: number;
  /** Medians of each round's latency percentiles, in ms. */
  latency: { a: { p50: number; p99: number }; b: { p50: number; p99: number } };
  /** a / b: the goal is ≥ 0.3. */
  ratio: number;
  /** Median of each round's own a / b: steadier when other load on the machine comes and goes. */
  roundRatio: number;
  /** Bytes of the answer both serve. */
  bytes: number;
  rounds: { a: number; b: number }[];
}

interface Load {
  rate: number;
  p50: number;
  p99: number;
}

interface Servers {
  a: string;
  b: string;
  bytes: number;
}

export async function measureApiCore(options: { rounds?: number; seconds?: number; connections?: number } = {}): Promise<ApiCoreResult> {
  const { rounds = 5, seconds = 5, connections = 16 } = options;
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  try {
    const servers = await new Promise<Servers>((resolve, reject) => {
      child.once("message", (message) => resolve(message as Servers));
      child.once("exit", (code) => reject(new Error(`api-core servers exited (${code}) before listening`)));
    });
    const load = async (url: string) => {
      const result = await autocannon({ url: `${url}${PATH}`, connections, duration: seconds });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      return { rate: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
    };
    await load(servers.a); // warm-up: JIT, connection pools, the memory tier
    await load(servers.b);
    const measured: { a: Load; b: Load }[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first, so a drift in machine load does not favour one side.
      const first = round % 2 === 0;
      const x = await load(first ? servers.a : servers.b);
      const y = await load(first ? servers.b : servers.a);
      measured.push(first ? { a: x, b: y } : { a: y, b: x });
    }
    const a = median(measured.map((r) => r.a.rate));
    const b = median(measured.map((r) => r.b.rate));
    const percentiles = (side: "a" | "b") => ({ p50: median(measured.map((r) => r[side].p50)), p99: median(measured.map((r) => r[side].p99)) });
    return {
      a,
      b,
      latency: { a: percentiles("a"), b: percentiles("b") },
      ratio: a / b,
      roundRatio: median(measured.map((r) => r.a.rate / r.b.rate)),
      bytes: servers.bytes,
      rounds: measured.map((r) => ({ a: r.a.rate, b: r.b.rate })),
    };
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The request as the fetch API sees it (what Next.js hands a route handler). */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return new Request(`${ORIGIN}${req.url ?? "/"}`, { method: req.method, headers });
}

const listen = (server: Server) =>
  new Promise<string>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    });
  });

/** The route handler A serves: the storefront's, for an anonymous visitor. */
async function storefrontHandler() {
  const [{ anonymousSession, storefrontRouter }, { createTRPCRouteHandler }] = await Promise.all([
    import("../../packages/api/src/index"),
    import("../../packages/web/src/trpc/route-handler"),
  ]);
  return createTRPCRouteHandler({ router: storefrontRouter, session: anonymousSession, appUrl: () => ORIGIN });
}

/**
 * CPU µs per cached product.list call through the route handler, in process and one at
 * a time: CPU time rather than wall time, so other load on the machine barely moves it.
 */
export async function measureHandlerCpu(calls = 2_000, profile?: string): Promise<number> {
  const handler = await storefrontHandler();
  const call = async () => {
    const response = await handler(new Request(`${ORIGIN}${PATH}`));
    if (!response.ok) throw new Error(`product.list answered ${response.status}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const before = process.cpuUsage();
  const taken = await profiled(profile, async () => {
    for (let i = 0; i < calls; i++) await call();
  });
  const used = process.cpuUsage(before);
  if (taken) {
    console.log(`CPU profile of the cached calls (${profile}), self time by owner:`);
    for (const { owner, share } of selfTimeByOwner(taken)) console.log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${owner}`);
  }
  return (used.user + used.system) / calls;
}

/** The child: both servers, on free loopback ports, reported to the parent over IPC. */
async function serve(): Promise<void> {
  const { getRedis } = await import("../../packages/db/src/index");
  const handler = await storefrontHandler();
  const a = createServer((req, res) => {
    void handler(toRequest(req)).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });

  const redis = getRedis();
  const key = `bench:api-core:${process.pid}`;
  const first = await handler(new Request(`${ORIGIN}${PATH}`));
  if (!first.ok) throw new Error(`product.list answered ${first.status}`);
  const bytes = Buffer.from(await first.arrayBuffer());
  await redis.set(key, bytes, "EX", 3600);
  const b = createServer((_req, res) => {
    void redis.getBuffer(key).then((body) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": body?.length ?? 0 });
      res.end(body);
    });
  });

  const servers: Servers = { a: await listen(a), b: await listen(b), bytes: bytes.length };
  process.send?.(servers);
  process.once("SIGTERM", () => process.exit(0));
}

/** A self-contained run: embedded PostgreSQL, migrated and seeded, then measureApiCore. */
async function main(): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > -1 ? Number(process.argv[index + 1]) : fallback;
  };
  const { disconnectCaches } = await import("../../packages/api/src/index");
  const { disconnectAll, getPrisma, loadDotenvFiles, overrideEnv } = await import("../../packages/db/src/index");
  const { deployMigrations } = await import("../../packages/db/src/migrations");
  const { createDatabase } = await import("../../packages/db/src/postgres/admin");
  const { startEmbeddedPostgres } = await import("../../packages/db/src/postgres/embedded");
  const { seed } = await import("../seed/run");
  loadDotenvFiles();
  const dataDir = await mkdtemp(join(tmpdir(), "shop-api-core-"));
  const server = await startEmbeddedPostgres({ dataDir });
  try {
    const url = await createDatabase(server.url, "bench");
    await deployMigrations(url);
    overrideEnv({ DATABASE_URL: url, REDIS_KEY_PREFIX: `bench:${Date.now()}:`, LOG_LEVEL: "warn" });
    await seed({ db: getPrisma(), products: 200, customers: 2 });
    const profileAt = process.argv.indexOf("--profile");
    const profile = profileAt > -1 ? process.argv[profileAt + 1] : undefined;
    console.log(`cached product.list through the route handler, in process: ${(await measureHandlerCpu(2_000, profile)).toFixed(0)} µs CPU per call`);
    const result = await measureApiCore({ rounds: flag("rounds", 5), seconds: flag("seconds", 5) });
    for (const [index, round] of result.rounds.entries()) console.log(`round ${index + 1}: A ${round.a.toFixed(0)} req/s, B ${round.b.toFixed(0)} req/s`);
    console.log(`api_core (${result.bytes} bytes): A ${result.a.toFixed(0)} / B ${result.b.toFixed(0)} req/s = ${result.ratio.toFixed(3)} (goal ≥ 0.3); median of round ratios ${result.roundRatio.toFixed(3)}`);
  } finally {
    await disconnectCaches();
    await disconnectAll();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--serve")) await serve();
else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
