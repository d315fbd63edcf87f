import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@shop/db";
import { freePort } from "../../../db/src/postgres/embedded";
import { createInnerContext, type Session } from "../context";
import { appRouter } from "../root";
import { callerFor, createUser, errorCode } from "../test/helpers";
import { retryAfterMeta } from "./errors";

const clients: PrismaClient[] = [];
const client = (options: Parameters<typeof createPrismaClient>[0]) => {
  const made = createPrismaClient(options);
  clients.push(made);
  return made;
};
afterAll(() => Promise.all(clients.map((made) => made.$disconnect())));

/** GETs a query over the fetch adapter, as the apps mount it, against `db`. */
async function get(path: string, input: unknown, db: PrismaClient, session: Session = null) {
  const url = `http://shop.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => createInnerContext({ session, db }),
    responseMeta: retryAfterMeta,
  });
  const body = (await response.json()) as { error?: { json: { message: string; data: { code: string } } } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), error: body.error?.json };
}

describe("a database that cannot be reached", () => {
  it("answers SERVICE_UNAVAILABLE (503 with Retry-After), not a 500, in procedures and in the role middleware", async () => {
    const down = client({ url: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres` });
    const admin = await createUser(["ADMIN"]);
    expect(await errorCode(callerFor(admin.session, { db: down }).order.list({}))).toBe("SERVICE_UNAVAILABLE");
    // admin.* re-reads the roles from the database before the procedure runs.
    expect(await errorCode(callerFor(admin.session, { db: down }).admin.user.list({}))).toBe("SERVICE_UNAVAILABLE");

    const { status, retryAfter, error } = await get("category.list", undefined, down);
    expect(status).toBe(503);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(error?.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });
});

describe("a pool with no connection free in time", () => {
  it("sheds the caller as TOO_MANY_REQUESTS (429 with Retry-After), not a 500", async () => {
    const narrow = client({ poolMax: 1, poolQueueMax: 1, poolWaitMs: 100 });
    const customer = await createUser();
    // Hold the only connection for longer than anyone may wait for it.
    const holder = narrow.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one FROM pg_sleep(1)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await errorCode(callerFor(customer.session, { db: narrow }).order.list({}))).toBe("TOO_MANY_REQUESTS");

    const { status, retryAfter } = await get("order.list", {}, narrow, customer.session);
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    await holder;
    await expect(callerFor(customer.session, { db: narrow }).order.list({})).resolves.toBeDefined();
  });
});
