/** The tests' own queue, run by test-worker.ts beside the shop's. */
export const TEST_QUEUE = "test.effect";

/** Its bookkeeping, in the test file's database: each delivery, each effect (once per key), each opened gate. */
export const TEST_TABLES = [
  "CREATE TABLE worker_test_delivery (key text NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT now())",
  "CREATE TABLE worker_test_effect (key text PRIMARY KEY)",
  "CREATE TABLE worker_test_gate (key text PRIMARY KEY)",
];
