import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { JOB_SCHEMA, prisma } from "@shop/db";
import { createJobBoss, enqueue } from "@shop/jobs";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_QUEUE, TEST_TABLES } from "./testing/test-queue";

const root = join(import.meta.dirname, "..", "..", "..");

interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: WorkerProcess[] = [];

/**
 * The worker as its own process against this file's database. Node with tsx's loader,
 * not the tsx CLI, which runs the script in a child process: SIGKILL must hit the worker.
 */
function spawnWorker(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/testing/test-worker.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const worker = { child, output: () => output, exited };
  running.push(worker);
  return worker;
}

/** Polls `check` until it returns something truthy, failing after `timeoutMs` with `what`. */
async function until<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function started(worker: WorkerProcess): Promise<void> {
  await until("the worker to start", () => {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited early:\n${worker.output()}`);
    return worker.output().includes('"msg":"worker started"');
  });
}

const count = async (table: string, key: string) =>
  Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table} WHERE key = $1`, key))[0]!.n);

let boss: PgBoss;
const jobState = async (name: string, id: string) => (await boss.getJobById(name, id))?.state;

beforeAll(async () => {
  for (const statement of TEST_TABLES) await prisma.$executeRawUnsafe(statement);
  // Sends test jobs and reads their state; runs nothing itself.
  boss = createJobBoss({ connectionString: process.env.DATABASE_URL!, max: 2, supervise: false, schedule: false, registerInstance: false });
  await boss.start();
});

afterAll(async () => {
  for (const worker of running) worker.child.kill("SIGKILL");
  await boss?.stop({ graceful: false });
});

describe("the worker process", () => {
  it("picks up jobs waiting for it and completes them", async () => {
    // Enqueued before any worker runs: the producer creates the queue, the worker finds the job.
    const sweep = await prisma.$transaction((tx) => enqueue(tx, "order.expire-overdue", {}));
    const worker = spawnWorker();
    await started(worker);
    await boss.createQueue(TEST_QUEUE); // already there: the worker created it
    const effect = await boss.send(TEST_QUEUE, { key: "picked-up" });

    await until("both jobs to complete", async () => (await jobState("order.expire-overdue", sweep!)) === "completed" && (await jobState(TEST_QUEUE, effect!)) === "completed");
    expect(await count("worker_test_effect", "picked-up")).toBe(1);
    expect(worker.output()).toContain('"queue":"order.expire-overdue"');
    // The minute's sweep is scheduled in pg-boss.
    expect((await boss.getSchedules("order.expire-overdue")).map((schedule) => schedule.cron)).toEqual(["* * * * *"]);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });

  it("killed mid-job and restarted, completes the job with its effect exactly once", async () => {
    const first = spawnWorker();
    await started(first);
    // Two seconds to live once started: after that a job whose worker is gone is retried.
    const id = await boss.send(TEST_QUEUE, { key: "killed", block: true }, { expireInSeconds: 2 });
    await until("the first delivery", async () => (await count("worker_test_delivery", "killed")) === 1);
    expect(await count("worker_test_effect", "killed")).toBe(1);

    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    expect(await jobState(TEST_QUEUE, id!)).toBe("active");

    await prisma.$executeRaw`INSERT INTO worker_test_gate (key) VALUES ('killed')`;
    const second = spawnWorker();
    await started(second);
    await until("the job to complete after the restart", async () => (await jobState(TEST_QUEUE, id!)) === "completed");
    expect(await count("worker_test_delivery", "killed")).toBe(2);
    expect(await count("worker_test_effect", "killed")).toBe(1);

    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it("on SIGTERM, lets the running job finish, then exits 0", async () => {
    const worker = spawnWorker();
    await started(worker);
    const id = await boss.send(TEST_QUEUE, { key: "graceful", block: true });
    await until("the job to start", async () => (await count("worker_test_delivery", "graceful")) === 1);

    worker.child.kill("SIGTERM");
    await until("the worker to begin shutting down", () => worker.output().includes('"msg":"shutting down"'));
    // Still running the job: the process waits for it.
    expect(worker.child.exitCode).toBeNull();
    expect(await jobState(TEST_QUEUE, id!)).toBe("active");

    await prisma.$executeRaw`INSERT INTO worker_test_gate (key) VALUES ('graceful')`;
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(await jobState(TEST_QUEUE, id!)).toBe("completed");
    expect(await count("worker_test_delivery", "graceful")).toBe(1);
    expect(worker.output()).toContain('"msg":"worker stopped"');
  });

  it("on SIGTERM, hands a job that outlasts the grace period back for a retry, and exits 0", async () => {
    const worker = spawnWorker({ WORKER_SHUTDOWN_GRACE_MS: "1000" });
    await started(worker);
    const id = await boss.send(TEST_QUEUE, { key: "stuck", block: true });
    await until("the job to start", async () => (await count("worker_test_delivery", "stuck")) === 1);

    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // Not lost: waiting for the next worker.
    expect(await jobState(TEST_QUEUE, id!)).toBe("retry");
  });
});

// The pg-boss schema the worker runs on came with the migrated template database.
it("runs on the job schema that the migrations installed", async () => {
  expect(await prisma.$queryRawUnsafe(`SELECT 1 FROM ${JOB_SCHEMA}.version`)).toHaveLength(1);
});
