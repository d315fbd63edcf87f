// CPU profiles for the bench's "what limits it": V8's sampling profiler around the
// measured work only, and a summary of self time by where the code lives.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import type { Profiler } from "node:inspector";

/** Profiles `work` when `file` is given: writes the .cpuprofile and returns it. */
export async function profiled(file: string | undefined, work: () => Promise<void>): Promise<Profiler.Profile | undefined> {
  if (!file) {
    await work();
    return undefined;
  }
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    await work();
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    return profile;
  } finally {
    session.disconnect();
  }
}

/** The npm package or the workspace folder a script URL belongs to, or V8's own label. */
function owner(url: string, functionName: string): string {
  if (!url) return `(${functionName || "native"})`;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  // node:internal/deps/undici, node:internal/abort_controller…: which part of Node.
  if (url.startsWith("node:")) return url.split("/").slice(0, url.startsWith("node:internal/deps/") ? 3 : 2).join("/");
  const own = /\/(packages\/[^/]+|apps\/[^/]+|scripts)\//.exec(url);
  return own?.[1] ?? url;
}

/** Self time per owner, largest first, as shares of all samples. */
export function selfTimeByOwner(profile: Profiler.Profile, top = 12): { owner: string; share: number }[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const id of profile.samples ?? []) {
    const frame = byNode.get(id)?.callFrame;
    const key = frame ? owner(frame.url, frame.functionName) : "(unknown)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples?.length ?? 1;
  return [...counts.entries()]
    .map(([key, count]) => ({ owner: key, share: count / total }))
    .sort((x, y) => y.share - x.share)
    .slice(0, top);
}
