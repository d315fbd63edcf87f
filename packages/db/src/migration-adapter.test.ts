import { describe, expect, it } from "vitest";
import { createMigrationAdapter } from "./migration-adapter";

describe("migration adapter", () => {
  it("connects Prisma's schema engine to DATABASE_URL", async () => {
    const adapter = await createMigrationAdapter().connect();
    try {
      const result = await adapter.queryRaw({ sql: "SELECT current_database() AS db", args: [], argTypes: [] });
      expect(String(result.rows[0]?.[0])).toMatch(/^shop_test_/);
    } finally {
      await adapter.dispose();
    }
  });

  it("runs a whole script containing semicolons inside function bodies", async () => {
    const adapter = await createMigrationAdapter().connect();
    try {
      await adapter.executeScript(`
        -- a comment; with a semicolon
        CREATE FUNCTION adapter_probe() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
        CREATE TABLE adapter_probe_table (n int);`);
      const result = await adapter.queryRaw({ sql: "SELECT adapter_probe() AS n", args: [], argTypes: [] });
      expect(result.rows[0]?.[0]).toBe(1);
    } finally {
      await adapter.dispose();
    }
  });
});
