// The job worker: `pnpm worker` (and `pnpm dev`, beside the apps). Runs the queues of
// @shop/jobs on PostgreSQL through pg-boss until SIGINT/SIGTERM.
import { createInnerContext } from "@shop/api";
import { env, loadDotenvFiles } from "@shop/db";
import { jobHandlers } from "./handlers";
import { runWorker, shopQueues } from "./worker";

loadDotenvFiles();
const settings = env();
await runWorker(
  {
    databaseUrl: settings.DATABASE_URL,
    queues: shopQueues(jobHandlers(createInnerContext({ session: null }))),
    concurrency: settings.WORKER_CONCURRENCY,
  },
  settings.WORKER_SHUTDOWN_GRACE_MS,
);
