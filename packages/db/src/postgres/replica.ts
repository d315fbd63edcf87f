import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { withClient, withDatabase } from "./admin";
import { freePort, reachableBinaries, type RunningPostgres } from "./embedded";

const execFileAsync = promisify(execFile);

// Rebuilt by the standby itself or meaningless in a copy (PostgreSQL's own exclusion list for base backups).
const NOT_COPIED = new Set(["postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);

export interface RunningReplica extends RunningPostgres {
  /** Stops replaying WAL (pg_wal_replay_pause): the replica keeps answering with what it had, like one that lags. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
}

/**
 * A hot-standby streaming replica of a running PostgreSQL 16 on this machine (the
 * embedded test server). Debian's pg_basebackup is 15 and refuses a 16 server, and the
 * embedded package ships no pg_basebackup, so this is a base backup by hand: a
 * non-exclusive pg_backup_start, a file copy of the primary's data folder,
 * pg_backup_stop's label written to backup_label, then standby.signal and
 * primary_conninfo. A physical replication slot keeps the WAL the copy needs.
 * `primaryUrl` must be a superuser's; the replica is on the same user and password.
 */
export async function startStreamingReplica(primaryUrl: string): Promise<RunningReplica> {
  const serverUrl = withDatabase(primaryUrl, "postgres");
  const slot = `replica_${process.pid}_${Date.now().toString(36)}`;
  const dataDir = await mkdtemp(join(tmpdir(), "shop-replica-pg-"));
  const dropSlot = () =>
    withClient(serverUrl, (client) => client.query("SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1", [slot])).catch(() => {});
  const { settings, label } = await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('data_directory', 'max_connections', 'port')",
    );
    const found = Object.fromEntries(rows.map((row) => [row.name, row.setting]));
    const source = found.data_directory as string;
    await client.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
    // Non-exclusive: the backup belongs to this session, and ends with it if the copy fails.
    await client.query("SELECT pg_backup_start($1, true)", [slot]);
    await cp(source, dataDir, { recursive: true, filter: (path) => !NOT_COPIED.has(path.slice(source.length + 1)) });
    const stopped = await client.query<{ labelfile: string }>("SELECT labelfile FROM pg_backup_stop(false)");
    return { settings: found, label: stopped.rows[0]?.labelfile as string };
  }).catch(async (error: unknown) => {
    await dropSlot();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  for (const folder of NOT_COPIED) if (!folder.includes(".")) await mkdir(join(dataDir, folder), { recursive: true });
  await mkdir(join(dataDir, "pg_wal", "archive_status"), { recursive: true });
  await writeFile(join(dataDir, "backup_label"), label);
  await writeFile(join(dataDir, "standby.signal"), "");

  const primary = new URL(serverUrl);
  const port = await freePort();
  const conninfo = `host=127.0.0.1 port=${settings.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=${slot}`;
  // As root, PostgreSQL runs as the `postgres` user (see embedded.ts), who must own the copy.
  const owner = process.getuid?.() === 0 ? await postgresUser() : undefined;
  if (owner) await execFileAsync("chown", ["-R", `${owner.uid}:${owner.gid}`, dataDir]);
  const server = spawn(
    join(await reachableBinaries(), "bin", "postgres"),
    [
      "-D", dataDir, "-p", String(port),
      "-c", "listen_addresses=127.0.0.1",
      // A standby refuses to start with fewer connections than its primary.
      "-c", `max_connections=${settings.max_connections}`,
      "-c", `primary_conninfo=${conninfo}`,
      "-c", `primary_slot_name=${slot}`,
      "-c", "fsync=off",
    ],
    { ...owner, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    server.stderr.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4_000);
      if (log.includes("ready to accept read-only connections")) resolve();
    });
    void exited.then(() => reject(new Error(`the replica's postgres exited while starting:\n${log}`)));
  });
  // A test process that dies without stopping the replica must not leave its postgres running.
  const killOnExit = () => server.kill("SIGINT");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (server.exitCode === null) {
      server.kill("SIGINT");
      await exited;
    }
    await dropSlot();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `postgresql://${primary.username}:${primary.password}@127.0.0.1:${port}/postgres`;
  const replay = (fn: string) => withClient(url, (client) => client.query(`SELECT ${fn}()`)).then(() => {});
  return { url, port, stop, pauseReplay: () => replay("pg_wal_replay_pause"), resumeReplay: () => replay("pg_wal_replay_resume") };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await execFileAsync("id", [flag, "postgres"])).stdout.trim());
  return { uid: await id("-u"), gid: await id("-g") };
}
