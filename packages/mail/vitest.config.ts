import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "mail",
    include: ["src/**/*.test.ts"],
    setupFiles: ["../db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
