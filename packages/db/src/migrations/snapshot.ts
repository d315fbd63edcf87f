import { withClient } from "../postgres/admin";

/**
 * A sorted, textual description of a database's `public` schema (only: pg-boss's
 * `pgboss` schema is pg-boss's to install and upgrade), for comparing two databases.
 * `prisma` keeps only what Prisma manages (tables, columns, keys,
 * indexes, foreign keys, enums); `all` adds what the migrations add by hand
 * (check constraints, triggers, functions, sequence settings).
 */
export type SnapshotScope = "prisma" | "all";

const prismaManaged = [
  `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
          || ' null=' || is_nullable || ' default=' || coalesce(column_default, '')
          || ' len=' || coalesce(character_maximum_length::text, '')
          || ' num=' || coalesce(numeric_precision::text, '') || ',' || coalesce(numeric_scale::text, '')
     FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  `SELECT 'index ' || indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  `SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
     FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f')
      AND conrelid::regclass::text <> '_prisma_migrations'`,
  `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
];

const handWritten = [
  `SELECT 'check ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
     FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'c'`,
  `SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace AND c.relname <> '_prisma_migrations'`,
  `SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc
    WHERE pronamespace = 'public'::regnamespace`,
  `SELECT 'sequence ' || sequencename || ' start=' || start_value || ' increment=' || increment_by
     FROM pg_sequences WHERE schemaname = 'public'`,
];

export async function snapshotSchema(url: string, scope: SnapshotScope = "all"): Promise<string[]> {
  const queries = scope === "all" ? [...prismaManaged, ...handWritten] : prismaManaged;
  return withClient(url, async (client) => {
    const lines: string[] = [];
    for (const query of queries) {
      const { rows } = await client.query<Record<string, string>>(query);
      for (const row of rows) lines.push(String(Object.values(row)[0]));
    }
    return lines.sort();
  });
}

/** Tables in `public` other than Prisma's bookkeeping table. */
export async function listTables(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  });
}

/** Lines only in `a` and lines only in `b`. */
export function diffSnapshots(a: string[], b: string[]): { onlyInA: string[]; onlyInB: string[] } {
  const inA = new Set(a);
  const inB = new Set(b);
  return { onlyInA: a.filter((line) => !inB.has(line)), onlyInB: b.filter((line) => !inA.has(line)) };
}
