// framework_floor, over HTTP against the storefront's production build (`next start`):
// the cached `product.list` answer through /api/trpc against /api/bench-floor, a route
// handler of the same app answering the very same bytes from memory, so the gap is what
// the API adds inside Next.js. Also: the server-rendered product page against the cached
// `product.bySlug` API call, and the storefront's resident memory after the load.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApps } from "../../e2e/support/apps";
import { compare, notMeasured, type Comparison, type NotMeasured } from "./figures";
import { groupCpuMs, groupRssMb, interleave, loaded } from "./measure";
import type { Shop } from "./shop";

const CONNECTIONS = 16;
const trpc = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

export async function measureFrameworkFloor(shop: Shop, slug: string, rounds: number, seconds: number): Promise<Comparison | NotMeasured> {
  const folder = await mkdtemp(join(tmpdir(), "shop-bench-floor-"));
  const floorFile = join(folder, "product-list.json");
  shop.activate(); // the apps and the worker serve the database of DATABASE_URL
  const apps = await startApps({ BENCH_FLOOR_FILE: floorFile });
  try {
    const url = (path: string) => `${apps.storefront}${path}`;
    const paths = { list: trpc("product.list", { sort: "newest" }), bySlug: trpc("product.bySlug", { slug }), page: `/p/${slug}`, floor: "/api/bench-floor" };
    const first = await fetch(url(paths.list));
    if (!first.ok) throw new Error(`${paths.list}: HTTP ${first.status}`);
    const bytes = Buffer.from(await first.arrayBuffer());
    await writeFile(floorFile, bytes);
    const floor = await fetch(url(paths.floor));
    const floorBytes = Buffer.from(await floor.arrayBuffer());
    if (floor.status === 404) return notMeasured("framework_floor", "the storefront build has no /api/bench-floor route: rebuild it (pnpm build)");
    if (!floor.ok || !floorBytes.equals(bytes)) throw new Error(`/api/bench-floor answered ${floor.status} with ${floorBytes.length} bytes, not the ${bytes.length} of product.list`);

    const group = apps.pids.storefront; // `next start` was spawned detached: it leads its own process group
    const cpuBefore = groupCpuMs(group);
    const started = performance.now();
    const sides = await interleave(
      {
        api: { label: `cached product.list via /api/trpc (${bytes.length} bytes)`, run: loaded(url(paths.list), seconds, CONNECTIONS, group) },
        floor: { label: "route handler answering the same bytes (/api/bench-floor)", run: loaded(url(paths.floor), seconds, CONNECTIONS, group) },
        page: { label: "server-rendered product page /p/<slug>", run: loaded(url(paths.page), seconds, CONNECTIONS, group) },
        bySlug: { label: "cached product.bySlug via /api/trpc", run: loaded(url(paths.bySlug), seconds, CONNECTIONS, group) },
      },
      rounds,
    );
    const loadSeconds = (performance.now() - started) / 1000;
    return {
      ...compare("framework_floor", sides.api, sides.floor),
      ssr_vs_api: { ...compare("framework_floor", sides.page, sides.bySlug), goal: "report", met: null },
      storefront_rss_mb: groupRssMb(group),
      rss_after_load_s: loadSeconds,
      storefront_cpu_s: (groupCpuMs(group) - cpuBefore) / 1000,
      connections: CONNECTIONS,
    };
  } finally {
    await apps.stop();
    await rm(folder, { recursive: true, force: true });
  }
}
