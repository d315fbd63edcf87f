import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "e2e",
    include: ["**/*.e2e.test.ts"],
    // Each file gets its own database and Redis prefix, which the apps it starts use too.
    setupFiles: ["../packages/db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // next-auth (whose JWT encoder mints session cookies for load tests) imports
    // "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
  },
});
