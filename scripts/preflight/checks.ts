// What `pnpm test` needs from this machine beyond Node and pnpm (scripts/preflight.ts).
import { existsSync } from "node:fs";
import { installed } from "../../packages/db/src/testing/processes";
import { redisAnswers } from "../../packages/db/src/testing/redis-servers";

/** What is missing, each with the Debian package that provides it. */
export async function missingPieces(options: { ci: boolean; redisUrl: string; chromium: string }): Promise<{ what: string; debian: string }[]> {
  const missing: { what: string; debian: string }[] = [];
  if (!existsSync(options.chromium)) missing.push({ what: `Chromium at ${options.chromium} (the browser tests drive it)`, debian: "chromium" });
  // The harness starts its own redis-server when nothing answers at REDIS_URL, and the
  // Sentinel and Cluster tests always start some.
  if (!installed("redis-server") || !installed("redis-cli")) {
    const answers = await redisAnswers(options.redisUrl);
    missing.push({ what: `redis-server and redis-cli (${answers ? "" : `nothing answers at ${options.redisUrl}; `}the Sentinel and Cluster tests start their own)`, debian: "redis-server" });
  }
  // Outside CI the PgBouncer tests are skipped, with a message, when it is missing.
  if (options.ci && !installed("pgbouncer")) missing.push({ what: "pgbouncer (CI runs part of the suite through it)", debian: "pgbouncer" });
  return missing;
}

export function installHint(packages: string[]): string {
  const debian = existsSync("/etc/debian_version");
  const command = `apt-get update && apt-get install -y ${packages.join(" ")}`;
  if (!debian) return `install ${packages.join(", ")} with your system's package manager`;
  return process.getuid?.() === 0 ? `run: ${command}` : `run: sudo sh -c '${command}'`;
}

