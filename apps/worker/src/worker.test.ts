import { prisma } from "@shop/db";
import { createEmptyTestDatabase, dropTestDatabase, pollUntil as until } from "@shop/db/testing";
import { createJobBoss, enqueue, payloadSchemas } from "@shop/jobs";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnWorker, type WorkerProcess } from "./testing/process";
import { TEST_QUEUE, TEST_TABLES } from "./testing/test-queue";

const running: WorkerProcess[] = [];

/** The test worker (the shop's queues plus the test queue) against this file's database. */
function startTestWorker(env: Record<string, string> = {}): WorkerProcess {
  const worker = spawnWorker({ entry: "apps/worker/src/testing/test-worker.ts", env });
  running.push(worker);
  return worker;
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
    const worker = startTestWorker();
    await worker.started();
    const effect = await boss.send(TEST_QUEUE, { key: "picked-up" });

    await until("both jobs to complete", async () => (await jobState("order.expire-overdue", sweep!)) === "completed" && (await jobState(TEST_QUEUE, effect!)) === "completed");
    expect(await count("worker_test_effect", "picked-up")).toBe(1);
    expect(worker.output()).toContain('"queue":"order.expire-overdue"');
    // The minute's sweep is scheduled in pg-boss, with a payload its queue accepts.
    const [schedule] = await boss.getSchedules("order.expire-overdue");
    expect(schedule?.cron).toBe("* * * * *");
    expect(payloadSchemas["order.expire-overdue"].safeParse(schedule?.data).success).toBe(true);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  });

  it("killed mid-job and restarted, completes the job with its effect exactly once", async () => {
    const first = startTestWorker();
    await first.started();
    // Two seconds to live once started: after that a job whose worker is gone is retried.
    const id = await boss.send(TEST_QUEUE, { key: "killed", block: true }, { expireInSeconds: 2 });
    await until("the first delivery", async () => (await count("worker_test_delivery", "killed")) === 1);
    expect(await count("worker_test_effect", "killed")).toBe(1);

    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    expect(await jobState(TEST_QUEUE, id!)).toBe("active");

    await prisma.$executeRaw`INSERT INTO worker_test_gate (key) VALUES ('killed')`;
    const second = startTestWorker();
    await second.started();
    // After its 2 s expiry the restarted worker's supervisor (every second) sends it back.
    await until("the job to complete after the restart", async () => (await jobState(TEST_QUEUE, id!)) === "completed", 60_000);
    expect(await count("worker_test_delivery", "killed")).toBe(2);
    expect(await count("worker_test_effect", "killed")).toBe(1);

    second.child.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it("on SIGTERM, lets the running job finish, then exits 0", async () => {
    const worker = startTestWorker();
    await worker.started();
    const id = await boss.send(TEST_QUEUE, { key: "graceful", block: true });
    await until("the job to start", async () => (await count("worker_test_delivery", "graceful")) === 1);

    worker.child.kill("SIGTERM");
    await until("the worker to begin shutting down", () => worker.output().includes('"msg":"shutting down"'));
    // A second signal (pnpm and a process-group stop both relay one) does not cut it short.
    worker.child.kill("SIGINT");
    await until("the second signal to be seen", () => worker.output().includes('"msg":"already shutting down"'));
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
    const worker = startTestWorker({ WORKER_SHUTDOWN_GRACE_MS: "1000" });
    await worker.started();
    const id = await boss.send(TEST_QUEUE, { key: "stuck", block: true });
    await until("the job to start", async () => (await count("worker_test_delivery", "stuck")) === 1);

    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // Not lost: waiting for the next worker.
    expect(await jobState(TEST_QUEUE, id!)).toBe("retry");
  });

  it("refuses to start on a database without the job schema, saying what to run, and exits 1", async () => {
    const empty = await createEmptyTestDatabase("no-jobs");
    try {
      const worker = spawnWorker({ env: { DATABASE_URL: empty.url } });
      running.push(worker);
      expect(await worker.exited).toEqual({ code: 1, signal: null });
      expect(worker.output()).toContain("pnpm db:migrate");
    } finally {
      await dropTestDatabase(empty.name);
    }
  });
});
