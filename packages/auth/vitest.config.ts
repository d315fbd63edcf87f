import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "auth",
    include: ["src/**/*.test.ts"],
    setupFiles: ["../db/src/testing/setup-file.ts"],
    pool: "forks",
    testTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
  },
});
