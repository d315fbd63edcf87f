import { Writable } from "node:stream";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "./env";
import { createLogger } from "./logger";

describe("the logger", () => {
  it("logs a PostgreSQL error by what happened, without the pg client it carries", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const log = createLogger(sink, "warn");

    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    const error = await client.query("SELECT * FROM no_such_table").then(() => undefined, (caught: Error) => caught);
    await client.end();
    // What node-pg does to errors from a pooled connection: the client rides along.
    Object.assign(error!, { client });
    log.warn({ err: error }, "query failed");

    const entry = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({ type: "DatabaseError", code: "42P01", message: 'relation "no_such_table" does not exist' });
    expect(entry.err).not.toHaveProperty("client");
    expect(lines[0]!.length).toBeLessThan(3_000);
  });
});
