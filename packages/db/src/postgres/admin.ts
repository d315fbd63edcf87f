import pg from "pg";
import { statementTimeoutMs } from "../env";

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs `work` with a single connection that is always closed afterwards. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** True when a PostgreSQL server answers at `url` within the timeout. */
export async function postgresAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`),
  );
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

/** Creates the database named in `url` on its server unless it exists; true when created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const serverUrl = withDatabase(url, "postgres");
  return withClient(serverUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return false;
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    return true;
  });
}

/** Runs a multi-statement SQL script in one transaction. */
export async function runScript(url: string, sql: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      await client.query(sql);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

export async function serverMajorVersion(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]?.v) / 10_000);
  });
}

/**
 * Session defaults stored on the database, so every new session gets them however it
 * connects: PgBouncer refuses them as startup parameters, and a plain SET would stay on
 * a pooled server connection. Needs the database's owner (or a superuser). CREATE
 * DATABASE … TEMPLATE does not copy them, so the test harness applies them per clone.
 */
export async function applyDatabaseSettings(
  databaseUrl: string,
  settings: { statementTimeoutMs: number } = { statementTimeoutMs: statementTimeoutMs() },
): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>("SELECT quote_ident(current_database()) AS name");
    // An integer (zod-validated or a test's literal): ALTER DATABASE takes no bind parameters.
    const sql = `ALTER DATABASE ${rows[0]?.name} SET statement_timeout = ${Math.trunc(settings.statementTimeoutMs)}`;
    await client.query(sql).catch((error: Error & { code?: string }) => {
      if (error.code !== "42501") throw error;
      throw new Error(`Setting the statement timeout needs the database's owner: run db:migrate as the owner, or have the owner run: ${sql}`, { cause: error });
    });
  });
}
