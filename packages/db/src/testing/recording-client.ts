import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "../env";

/**
 * A Prisma client on DATABASE_URL that records the SQL of every statement it sends,
 * taken where the driver adapter runs it: one entry per round trip to PostgreSQL,
 * so a test can count what a handler costs (a nested select is several statements).
 */
export function recordingPrismaClient(): { db: PrismaClient; statements: string[] } {
  const statements: string[] = [];
  const record = <T extends object>(queryable: T): T =>
    new Proxy(queryable, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (query: { sql: string }) => {
            statements.push(query.sql);
            return (value as (query: unknown) => unknown).call(target, query);
          };
        }
        // A transaction is a queryable of its own.
        if (property === "startTransaction") {
          return async (...args: unknown[]) => record((await (value as (...a: unknown[]) => Promise<object>).apply(target, args)));
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const factory = new PrismaPg({ connectionString: env().DATABASE_URL, max: 2 });
  const db = new PrismaClient({
    adapter: { provider: "postgres", adapterName: "@prisma/adapter-pg", connect: async () => record(await factory.connect()) },
  });
  return { db, statements };
}
