/** Variables through which the global setup hands the test server to the workers. */
export const TEST_ENV = {
  serverUrl: "SHOP_TEST_PG_SERVER_URL",
  template: "SHOP_TEST_PG_TEMPLATE",
  runId: "SHOP_TEST_RUN_ID",
} as const;

/** The Redis the tests use when REDIS_URL is unset (the global setup starts its own if none answers there). */
export const DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379";
