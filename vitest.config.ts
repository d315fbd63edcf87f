import { defineConfig } from "vitest/config";
import projects from "./vitest.workspace";

export default defineConfig({
  test: {
    projects,
    // Once per run: PostgreSQL 16 (embedded unless DATABASE_URL is set) and a
    // migrated template database that every test file clones.
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    coverage: {
      provider: "v8",
      reporter: ["text-summary", "text"],
      include: ["packages/*/src/**/*.ts"],
      exclude: ["**/generated/**", "**/*.test.ts", "**/testing/**", "**/test/**"],
      thresholds: {
        "packages/db/src/**": { lines: 80, statements: 80, functions: 80, branches: 70 },
        "packages/api/src/**": { lines: 80, statements: 80, functions: 80, branches: 70 },
      },
    },
  },
});
