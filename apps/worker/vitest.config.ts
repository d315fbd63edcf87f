import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "worker",
    include: ["src/**/*.test.ts"],
    setupFiles: ["../../packages/db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
