import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "scripts",
    include: ["**/*.test.ts"],
    setupFiles: ["../packages/db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
