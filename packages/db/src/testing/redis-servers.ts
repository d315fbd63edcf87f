import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { freePort } from "../postgres/embedded";
import type { RedisNode } from "../redis";
import { pollUntil } from "./processes";

/**
 * Real redis-server processes (Debian's 7.0) for the Sentinel and Cluster tests: free
 * ports, one temporary folder, nothing on disk kept, every process stopped by stop().
 */
const run = promisify(execFile);

interface Server {
  node: RedisNode;
  process: ChildProcess;
}

interface ServerOptions {
  /** Makes it a sentinel with this config. */
  sentinelConfig?: string;
  /** Else a free one. */
  port?: number;
  /** In its own process group: a Ctrl-C at the terminal then reaches only its owner, which stops it in its own order. */
  detached?: boolean;
}

async function startServer(dir: string, name: string, args: string[], { sentinelConfig, detached = false, ...options }: ServerOptions = {}): Promise<Server> {
  const port = options.port ?? (await freePort());
  // No diskless-sync delay: by default a new replica waits 5 s for its first copy, and a
  // replica that never synced refuses to take over.
  const common = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no", "--repl-diskless-sync-delay", "0", "--logfile", join(dir, `${name}.log`)];
  let argv = [...common, ...args];
  if (sentinelConfig !== undefined) {
    // A sentinel rewrites its config file, so each needs its own.
    const file = join(dir, `${name}.conf`);
    await writeFile(file, sentinelConfig);
    argv = [file, "--sentinel", "--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--logfile", join(dir, `${name}.log`)];
  }
  const child = spawn("redis-server", argv, { stdio: "ignore", detached });
  const node = { host: "127.0.0.1", port };
  await pollUntil(`redis-server ${name} on port ${port}`, () => ping(node), 10_000, 25);
  return { node, process: child };
}

async function ping(node: RedisNode): Promise<boolean> {
  const client = raw(node);
  try {
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A plain connection to one node, for the test's own commands (CLUSTER, SENTINEL, DEBUG). */
export function raw(node: RedisNode): Redis {
  const client = new Redis({ ...node, lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  client.on("error", () => {});
  return client;
}

async function stopAll(servers: Server[], dir: string): Promise<void> {
  await Promise.all(
    servers.map(
      ({ process }) =>
        new Promise<void>((resolve) => {
          if (process.exitCode !== null || process.signalCode !== null) return resolve();
          process.once("exit", () => resolve());
          process.kill("SIGKILL");
        }),
    ),
  );
  await rm(dir, { recursive: true, force: true });
}

/** Whether a Redis answers PING at `url` (a plain server; no retries). */
export async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return ping({ host: hostname, port: Number(port || 6379) });
}

/**
 * The test run's Redis: `url` when it answers, else a redis-server of the run's own
 * (so `pnpm test` needs no Redis running, only redis-server installed).
 */
export async function ensureTestRedis(url: string): Promise<{ url: string; started: boolean; stop(): Promise<void> }> {
  if (await redisAnswers(url)) return { url, started: false, stop: async () => {} };
  const server = await startRedisServer().catch((error: unknown) => {
    throw new Error(`No Redis answers at ${url}, and starting redis-server failed (is it installed? apt-get install redis-server): ${String(error)}`);
  });
  return { ...server, started: true };
}

/**
 * One standalone redis-server, nothing kept on disk: on a free port for a test run that
 * finds none, on REDIS_URL's port for the dev stack.
 */
export async function startRedisServer(options: Pick<ServerOptions, "port" | "detached"> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "shop-redis-"));
  const server = await startServer(dir, "standalone", [], options);
  return { url: `redis://${server.node.host}:${server.node.port}`, stop: () => stopAll([server], dir) };
}

export interface RedisCluster {
  /** Every node, masters and replicas. */
  nodes: RedisNode[];
  /** The master serving `key`'s slot now (asks the cluster). */
  masterOf(key: string): Promise<RedisNode>;
  /** Ends one node's process at once (SIGKILL), as a crashed machine would. */
  kill(node: RedisNode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A cluster of `masters` masters with one replica each. A short node timeout, so a
 * killed master's replica takes over in about a second or two.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), "shop-redis-cluster-"));
  const servers: Server[] = [];
  try {
    servers.push(
      ...(await Promise.all(
        Array.from({ length: masters * 2 }, (_, index) =>
          startServer(dir, `node${index}`, ["--cluster-enabled", "yes", "--cluster-config-file", `nodes-${index}.conf`, "--cluster-node-timeout", "1000"]),
        ),
      )),
    );
    const addresses = servers.map(({ node }) => `${node.host}:${node.port}`);
    await run("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "1", "--cluster-yes"]);
    await pollUntil("every cluster node to report cluster_state:ok and every replica in sync", async () => {
      const states = await Promise.all(servers.map(({ node }) => Promise.all([info(node, "CLUSTER", "INFO"), info(node, "INFO", "replication")])));
      return states.every(([cluster, replication]) => cluster.includes("cluster_state:ok") && inSync(replication));
    }, 30_000, 50);
  } catch (error) {
    await stopAll(servers, dir);
    throw error;
  }
  return {
    nodes: servers.map(({ node }) => node),
    async masterOf(key) {
      const alive = servers.find(({ process }) => process.exitCode === null && process.signalCode === null);
      if (!alive) throw new Error("every cluster node has stopped");
      const client = raw(alive.node);
      try {
        const slot = Number(await client.call("CLUSTER", "KEYSLOT", key));
        const ranges = (await client.call("CLUSTER", "SLOTS")) as [number, number, [string, number, string]][];
        const range = ranges.find(([from, to]) => slot >= from && slot <= to);
        if (!range) throw new Error(`no node serves slot ${slot}`);
        return { host: range[2][0], port: range[2][1] };
      } finally {
        client.disconnect();
      }
    },
    kill: (node) => kill(servers, node),
    stop: () => stopAll(servers, dir),
  };
}

/** A master, or a replica whose link to its master is up. */
const inSync = (replication: string) => replication.includes("role:master") || replication.includes("master_link_status:up");

async function info(node: RedisNode, ...command: [string, ...string[]]): Promise<string> {
  const client = raw(node);
  try {
    return String(await client.call(...command));
  } catch {
    return "";
  } finally {
    client.disconnect();
  }
}

function kill(servers: Server[], node: RedisNode): Promise<void> {
  const server = servers.find((candidate) => candidate.node.port === node.port);
  if (!server) throw new Error(`no server on port ${node.port}`);
  return new Promise((resolve) => {
    server.process.once("exit", () => resolve());
    server.process.kill("SIGKILL");
  });
}

export interface RedisSentinelGroup {
  name: string;
  sentinels: RedisNode[];
  /** The master the sentinels name now. */
  master(): Promise<RedisNode>;
  kill(node: RedisNode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One master, one replica and three sentinels (quorum 2) watching them, quick to decide:
 * a master silent for `downAfterMs` is failed over.
 */
export async function startRedisSentinels(name = "shop", downAfterMs = 1_000): Promise<RedisSentinelGroup> {
  const dir = await mkdtemp(join(tmpdir(), "shop-redis-sentinel-"));
  const servers: Server[] = [];
  try {
    const master = await startServer(dir, "master", []);
    servers.push(master);
    const replica = await startServer(dir, "replica", ["--replicaof", master.node.host, String(master.node.port)]);
    servers.push(replica);
    const config = [
      `sentinel monitor ${name} ${master.node.host} ${master.node.port} 2`,
      `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
      `sentinel failover-timeout ${name} 5000`,
      `sentinel parallel-syncs ${name} 1`,
      "",
    ].join("\n");
    servers.push(...(await Promise.all([0, 1, 2].map((index) => startServer(dir, `sentinel${index}`, [], { sentinelConfig: config })))));
    const sentinels = servers.slice(2).map(({ node }) => node);
    // Ready once every sentinel has found the replica and the other sentinels.
    await pollUntil("the sentinels to see the replica and each other", async () => {
      const views = await Promise.all(sentinels.map((node) => sentinelView(node, name)));
      return views.every((view) => view.replicas >= 1 && view.sentinels >= 2) && inSync(await info(replica.node, "INFO", "replication"));
    }, 30_000, 50);
  } catch (error) {
    await stopAll(servers, dir);
    throw error;
  }
  const sentinels = servers.slice(2).map(({ node }) => node);
  const [asked] = sentinels;
  if (!asked) throw new Error("no sentinel started");
  return {
    name,
    sentinels,
    async master() {
      const client = raw(asked);
      try {
        const [host, port] = (await client.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", name)) as [string, string];
        return { host, port: Number(port) };
      } finally {
        client.disconnect();
      }
    },
    kill: (node) => kill(servers, node),
    stop: () => stopAll(servers, dir),
  };
}

async function sentinelView(node: RedisNode, name: string): Promise<{ replicas: number; sentinels: number }> {
  const client = raw(node);
  try {
    const fields = (await client.call("SENTINEL", "MASTER", name)) as string[];
    const field = (key: string) => Number(fields[fields.indexOf(key) + 1] ?? 0);
    return { replicas: field("num-slaves"), sentinels: field("num-other-sentinels") };
  } catch {
    return { replicas: 0, sentinels: 0 };
  } finally {
    client.disconnect();
  }
}
