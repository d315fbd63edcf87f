import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseName, withDatabase } from "../postgres/admin";
import { freePort } from "../postgres/embedded";
import { installed, isAlive, pollUntil, portAnswers } from "./processes";

export interface RunningPgBouncer {
  /** A URL through PgBouncer to `database` (one of those it was started with). */
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** Any URL of the PostgreSQL server (user and password included); its database is ignored. */
  serverUrl: string;
  /**
   * The only databases PgBouncer serves. Never the test template: CREATE DATABASE …
   * TEMPLATE fails while anything (a pooled server connection too) is connected to it.
   */
  databases: string[];
  poolMode?: "transaction" | "session";
  poolSize?: number;
  /** How long a client may wait for a server connection before PgBouncer refuses it (0: forever). */
  queryWaitTimeoutSeconds?: number;
}

/**
 * Whether the PgBouncer tests can run. In CI a missing pgbouncer fails the run (.ci/run
 * installs it); elsewhere the tests are skipped, saying why.
 */
export function pgbouncerAvailable(): boolean {
  if (installed("pgbouncer")) return true;
  const hint = "pgbouncer is not installed (Debian: apt-get install pgbouncer)";
  if (process.env.CI) throw new Error(`${hint}; CI must run the PgBouncer tests`);
  console.warn(`Skipping the PgBouncer tests: ${hint}.`);
  return false;
}

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Starts a real PgBouncer (foreground, a child of this process) on a free port in
 * front of `serverUrl`, with its ini and auth file in a temporary folder. As root it
 * runs as `postgres` (`-u`): PgBouncer refuses to run as root.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<RunningPgBouncer> {
  const server = new URL(options.serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "shop-pgbouncer-"));
  // The `postgres` user must be able to read what root wrote here.
  await chmod(dir, 0o755);
  const authFile = join(dir, "userlist.txt");
  const iniFile = join(dir, "pgbouncer.ini");
  await writeFile(authFile, `"${user}" "${password}"\n`, { mode: 0o644 });
  const databases = options.databases.map(
    (name) => `${name} = host=${server.hostname} port=${server.port} dbname=${name}`,
  );
  await writeFile(
    iniFile,
    [
      "[databases]",
      ...databases,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      `auth_type = md5`,
      `auth_file = ${authFile}`,
      `pool_mode = ${options.poolMode ?? "transaction"}`,
      `default_pool_size = ${options.poolSize ?? 20}`,
      "max_client_conn = 500",
      `query_wait_timeout = ${options.queryWaitTimeoutSeconds ?? 0}`,
      // Drop server connections soon after use, so dropping a test database never waits on one.
      "server_idle_timeout = 1",
      "server_lifetime = 60",
      "log_connections = 0",
      "log_disconnections = 0",
      `application_name_add_host = 0`,
      `admin_users = ${quote(user)}`,
    ].join("\n") + "\n",
    { mode: 0o644 },
  );

  const asRoot = process.getuid?.() === 0;
  const child = spawn("pgbouncer", [...(asRoot ? ["-u", "postgres"] : []), iniFile], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanup = () => rm(dir, { recursive: true, force: true });

  try {
    await pollUntil(
      "pgbouncer to listen",
      async () => {
        if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}:\n${output}`);
        return portAnswers(port, 200);
      },
      10_000,
      25,
    );
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await cleanup();
    throw error;
  }

  return {
    port,
    url: (database) => {
      const url = new URL(withDatabase(options.serverUrl, database));
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    stop: async () => {
      // In PgBouncer 1.18 SIGTERM shuts down at once; SIGINT would wait for clients to leave.
      if (child.pid !== undefined && isAlive(child.pid)) child.kill("SIGTERM");
      await exited;
      await cleanup();
    },
  };
}

/** Points `url` (a database on the server) through `bouncer`. */
export const throughPgBouncer = (bouncer: RunningPgBouncer, url: string) => bouncer.url(databaseName(url));
