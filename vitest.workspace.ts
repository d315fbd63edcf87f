// The test projects: one per package with tests, the worker, the scripts (seed, dev stack),
// the browser tests of both apps, and part of the API suite again through PgBouncer. The root
// vitest.config.ts reads this list (Vitest 3.2 calls it `projects`) and adds the run-wide settings.
export default ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "scripts/vitest.config.ts", "e2e/vitest.config.ts", "vitest.pgbouncer.ts"];
