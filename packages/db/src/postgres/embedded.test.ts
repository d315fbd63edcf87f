import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresAnswers, serverMajorVersion, withClient } from "./admin";
import { freePort, startEmbeddedPostgres } from "./embedded";

const dataDir = await mkdtemp(join(tmpdir(), "shop-embedded-"));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("starts PostgreSQL 16 on a free port, keeps data across restarts, and stops", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    expect(await serverMajorVersion(first.url)).toBe(16);
    await withClient(first.url, (client) => client.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)"));
    await first.stop();
    expect(await postgresAnswers(first.url, 500)).toBe(false);

    // Same folder again: no initdb, the data is still there.
    const second = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    try {
      const rows = await withClient(second.url, async (client) => (await client.query("SELECT n FROM kept")).rows);
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await second.stop();
    }
  });
});
