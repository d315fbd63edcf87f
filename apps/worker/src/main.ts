// The job worker: `pnpm worker` (and `pnpm dev`, beside the apps). Runs the queues of
// @shop/jobs on PostgreSQL through pg-boss until SIGINT/SIGTERM.
import { checkEnvOrExit, loadDotenvFiles } from "@shop/db/env";

loadDotenvFiles();
// Before anything that opens a connection: an unsafe production setting stops the
// worker here with one message (importing the API would fail on it with a stack trace).
const settings = checkEnvOrExit("The worker");
const [{ createInnerContext }, { jobHandlers }, { runWorker, shopQueues }] = await Promise.all([
  import("@shop/api"),
  import("./handlers"),
  import("./worker"),
]);
await runWorker(
  {
    databaseUrl: settings.DATABASE_URL,
    queues: shopQueues(jobHandlers(createInnerContext({ session: null }))),
    concurrency: settings.WORKER_CONCURRENCY,
  },
  settings.WORKER_SHUTDOWN_GRACE_MS,
);
