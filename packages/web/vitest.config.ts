import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "web",
    include: ["src/**/*.test.ts"],
    setupFiles: ["../db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 60_000,
  },
});
