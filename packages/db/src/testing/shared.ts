/** Variables through which the global setup hands the test server to the workers. */
export const TEST_ENV = {
  serverUrl: "SHOP_TEST_PG_SERVER_URL",
  template: "SHOP_TEST_PG_TEMPLATE",
  runId: "SHOP_TEST_RUN_ID",
} as const;
