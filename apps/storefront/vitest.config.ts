import { defineProject } from "vitest/config";

// The storefront's pure modules (no database, no browser: those are the e2e tests').
export default defineProject({
  test: {
    name: "storefront",
    include: ["src/**/*.test.ts"],
  },
});
