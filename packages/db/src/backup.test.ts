import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, BackupToolError, restoreDatabase, toolMajorVersion } from "./backup";
import { createDatabase, dropDatabase, postgresAnswers, serverMajorVersion, withClient } from "./postgres/admin";
import { deployMigrations } from "./migrations";
import { createEmptyTestDatabase, dropTestDatabase, testServerUrl } from "./testing";

const folder = await mkdtemp(join(tmpdir(), "shop-backup-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await rm(folder, { recursive: true, force: true });
});

const dumpMajor = await toolMajorVersion("pg_dump");
const harnessMajor = await serverMajorVersion(testServerUrl());
// pg_dump works only against servers no newer than itself. When the test server
// (PostgreSQL 16) is too new for the installed pg_dump, the round trip runs on the
// machine's own server if it answers and is old enough (these machines: 15 and 15).
const machineServer = "postgresql://postgres@127.0.0.1:5432/postgres";
async function roundTripServer(): Promise<string | null> {
  if (dumpMajor === null) return null;
  if (dumpMajor >= harnessMajor) return testServerUrl();
  if ((await postgresAnswers(machineServer)) && (await serverMajorVersion(machineServer)) <= dumpMajor) return machineServer;
  return null;
}
const server = await roundTripServer();

describe("backup and restore", () => {
  it.runIf(dumpMajor !== null && dumpMajor < harnessMajor)(
    "refuses, with the version it needs, a pg_dump older than the server",
    async () => {
      const db = await createEmptyTestDatabase("backup-guard");
      cleanups.push(() => dropTestDatabase(db.name));
      const error = await backupDatabase(db.url, join(folder, "never.dump")).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BackupToolError);
      expect((error as Error).message).toMatch(new RegExp(`pg_dump ${dumpMajor} cannot dump PostgreSQL ${harnessMajor}`));
    },
  );

  it("explains a missing pg_dump", async () => {
    const db = await createEmptyTestDatabase("backup-missing");
    cleanups.push(() => dropTestDatabase(db.name));
    await expect(backupDatabase(db.url, join(folder, "x.dump"), "pg_dump_not_installed")).rejects.toThrow(/was not found/);
  });

  it.runIf(server !== null)("round-trips a migrated database with data through a dump", async () => {
    const serverUrl = server!;
    const name = `shop_backup_${process.pid}_${Date.now()}`;
    const source = await createDatabase(serverUrl, name);
    const target = await createDatabase(serverUrl, `${name}_restored`);
    cleanups.push(() => dropDatabase(serverUrl, name), () => dropDatabase(serverUrl, `${name}_restored`));

    await deployMigrations(source);
    await withClient(source, (client) =>
      client.query(`INSERT INTO "Category" (id, name, slug, "updatedAt") VALUES ('c1', 'Books', 'books', now());
                    INSERT INTO "Product" (id, name, slug, price, sku, quantity, "categoryId", "updatedAt")
                    VALUES ('p1', 'Novel', 'novel', 12.34, 'BOOK-1', 7, 'c1', now());`),
    );
    const file = join(folder, "shop.dump");
    await backupDatabase(source, file);
    await restoreDatabase(target, file);

    const restored = await withClient(target, async (client) => {
      const { rows } = await client.query(`SELECT p.price::text, p.quantity, i."onHand",
          (SELECT sum(delta) FROM "InventoryTransaction")::int AS ledger
          FROM "Product" p JOIN "ProductVariant" v ON v."productId" = p.id JOIN "Inventory" i ON i."variantId" = v.id`);
      return rows;
    });
    expect(restored).toEqual([{ price: "12.34", quantity: 7, onHand: 7, ledger: 7 }]);
  });
});
