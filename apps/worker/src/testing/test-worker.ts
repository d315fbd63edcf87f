// The worker process as the tests run it: the shop's queues plus `test.effect`, whose
// handler records each delivery, writes its effect once under a unique key, and with
// `block` waits until the test opens that key's gate. It polls and supervises every
// second or so, so a killed worker's job comes back within seconds, not minutes.
import { createInnerContext } from "@shop/api";
import { env, getPrisma, loadDotenvFiles } from "@shop/db";
import { z } from "zod";
import { jobHandlers } from "../handlers";
import { runWorker, shopQueues, type QueueWorker } from "../worker";
import { TEST_QUEUE } from "./test-queue";

const payload = z.object({ key: z.string(), block: z.boolean().default(false) });

const testQueue: QueueWorker<z.infer<typeof payload>> = {
  settings: { retryLimit: 5, retryDelay: 0 },
  parse: (data) => payload.parse(data),
  handle: async ({ key, block }) => {
    const db = getPrisma();
    await db.$executeRaw`INSERT INTO worker_test_delivery (key, pid) VALUES (${key}, ${process.pid})`;
    // The effect is keyed by the job, so a second delivery cannot repeat it.
    await db.$executeRaw`INSERT INTO worker_test_effect (key) VALUES (${key}) ON CONFLICT DO NOTHING`;
    while (block && (await db.$queryRaw<unknown[]>`SELECT 1 FROM worker_test_gate WHERE key = ${key}`).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { key };
  },
};

loadDotenvFiles();
const settings = env();
await runWorker(
  {
    databaseUrl: settings.DATABASE_URL,
    queues: { ...shopQueues(jobHandlers(createInnerContext({ session: null }))), [TEST_QUEUE]: testQueue as QueueWorker },
    concurrency: 1,
    pollingIntervalSeconds: 0.5,
    superviseIntervalSeconds: 1,
  },
  settings.WORKER_SHUTDOWN_GRACE_MS,
);
