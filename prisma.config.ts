import { defineConfig } from "prisma/config";
import { loadDotenvFiles } from "./packages/db/src/env";
import { createMigrationAdapter } from "./packages/db/src/migration-adapter";

// `prisma generate` resolves env("DATABASE_URL") too, so load .env before anything else.
loadDotenvFiles();

// Prisma's native engines cannot be downloaded on these machines, so migrations run
// in the JavaScript schema engine through the same driver adapter the app uses.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx scripts/seed.ts",
  },
  adapter: async () => createMigrationAdapter(),
});
