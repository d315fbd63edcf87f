import { defineProject } from "vitest/config";
import { pgbouncerAvailable } from "./packages/db/src/testing/pgbouncer";

// The concurrency-heavy part of the API suite again, through a real PgBouncer in
// transaction mode (issue 13): checkout and its oversell races, payments and webhooks
// (which enqueue pg-boss jobs inside the order's transaction), and the worker running them.
// Skipped, with a message, only where pgbouncer is not installed and CI is not set.
// The worker's slow process-lifecycle tests (kill, SIGTERM, ~30 s) say nothing new about
// PgBouncer and run only in the plain project; its job pick-up test runs here.
const files = [
  "packages/api/src/routers/order/checkout.test.ts",
  "packages/api/src/lib/orders.test.ts",
  "packages/api/src/routers/shopping.test.ts",
  "packages/api/src/routers/payment/payment.test.ts",
  "apps/worker/src/worker.test.ts",
];

export default defineProject({
  test: {
    name: "pgbouncer",
    include: pgbouncerAvailable() ? files : [],
    testNamePattern: /^(?!the worker process (killed mid-job|on SIGTERM|refuses to start)).*$/,
    passWithNoTests: true,
    setupFiles: ["packages/db/src/testing/pgbouncer-setup-file.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
