import { anonymousSession, appRouter, createCaller, createInnerContext, SHARED_CACHE_CONTROL, storefrontRouter, type Session } from "@shop/api";
import { createPrismaClient, env, parseEnv, prisma } from "@shop/db";
import { pollUntil } from "@shop/db/testing";
import { buildShop } from "../../../db/src/testing/fixtures";
import { describe, expect, it } from "vitest";
import { freePort } from "../../../db/src/postgres/embedded";
import { withKeptAnswers } from "./answers";
import { BROWSER_BATCH_SIZE } from "./links";
import { createTRPCRouteHandler } from "./route-handler";

/**
 * The route handler with the real router, database and Redis, called as Next.js
 * calls it: limits and the CSRF rule apply before any procedure runs.
 */
const app = "https://shop.example.com";
const handler = createTRPCRouteHandler({ router: storefrontRouter, session: anonymousSession, appUrl: () => app });

/**
 * A session source shaped like the apps' Auth.js one (whose decoding needs a Next.js
 * request scope): a `session` cookie means there is a session to decode, and every
 * decoding is counted.
 */
function countedSession(session: Session, decode: () => Promise<void> = async () => {}) {
  const source = {
    decoded: 0,
    present: (headers: Headers) => /(^|;\s*)session=/.test(headers.get("cookie") ?? ""),
    resolve: async () => {
      source.decoded++;
      await decode();
      return session;
    },
  };
  return source;
}
const signedIn = { cookie: "theme=dark; session=token" };

let run = 0;
/** auth.register inputs for new, distinct accounts (superjson's wire format). */
function accounts(count: number) {
  const prefix = `route-${process.pid}-${++run}-`;
  const inputs = Array.from({ length: count }, (_, index) => ({ json: { email: `${prefix}${index}@example.test`, password: "route-password-123", name: "Route" } }));
  return { prefix, inputs, created: () => prisma.user.count({ where: { email: { startsWith: prefix } } }) };
}

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  handler(new Request(`${app}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));

describe("the tRPC route handler", () => {
  it("runs a same-origin JSON mutation", async () => {
    const { inputs, created } = accounts(1);
    const response = await post("auth.register", JSON.stringify(inputs[0]), { origin: app, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(await created()).toBe(1);
  });

  it("refuses a batch over TRPC_MAX_BATCH_SIZE with a 400, running none of it", async () => {
    const limit = env().TRPC_MAX_BATCH_SIZE;
    const { inputs, created } = accounts(limit + 1);
    const response = await post(`${Array(limit + 1).fill("auth.register").join(",")}?batch=1`, JSON.stringify(Object.fromEntries(inputs.entries())));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Batch call exceeds maximum size/);
    expect(await created()).toBe(0);
  });

  it("refuses a body over API_BODY_LIMIT_BYTES with a 413, running nothing", async () => {
    const { inputs, created } = accounts(1);
    const padded = JSON.stringify({ json: { ...inputs[0]?.json, name: "x".repeat(env().API_BODY_LIMIT_BYTES) } });
    const response = await post("auth.register", padded);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", limitBytes: env().API_BODY_LIMIT_BYTES } });
    expect(await created()).toBe(0);
  });

  it("refuses cross-origin and non-JSON mutations, running nothing", async () => {
    const { inputs, created } = accounts(1);
    const body = JSON.stringify(inputs[0]);
    expect((await post("auth.register", body, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post("auth.register", body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const form = new FormData();
    form.set("email", inputs[0]?.json.email ?? "");
    const multipart = await handler(new Request(`${app}/api/trpc/auth.register`, { method: "POST", body: form }));
    expect(multipart.status).toBe(415);
    expect(await created()).toBe(0);
  });

  it("does not reach a mutation by GET", async () => {
    const { inputs, created } = accounts(1);
    const response = await handler(new Request(`${app}/api/trpc/auth.register?input=${encodeURIComponent(JSON.stringify(inputs[0]))}`));
    expect(response.status).toBe(405);
    expect(await created()).toBe(0);
  });

  it("takes every batch the browser sends, whatever TRPC_MAX_BATCH_SIZE allows", () => {
    const settings = { DATABASE_URL: "postgresql://u:p@localhost:5432/shop", AUTH_SECRET: "a".repeat(32) };
    expect(parseEnv({ ...settings, TRPC_MAX_BATCH_SIZE: String(BROWSER_BATCH_SIZE) }).TRPC_MAX_BATCH_SIZE).toBe(BROWSER_BATCH_SIZE);
    expect(() => parseEnv({ ...settings, TRPC_MAX_BATCH_SIZE: String(BROWSER_BATCH_SIZE - 1) })).toThrowError(/TRPC_MAX_BATCH_SIZE/);
  });

  it("answers 503 with Retry-After when the session needs a database that is down, and still serves public reads", async () => {
    const down = createPrismaClient({ url: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres` });
    try {
      const session = countedSession(null, async () => {
        await down.$queryRaw`SELECT 1`;
      });
      const handler = createTRPCRouteHandler({ router: appRouter, session, appUrl: () => "http://shop.test" });
      const response = await handler(new Request("http://shop.test/api/trpc/order.list", { headers: signedIn }));
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.text()).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
      // A public read never asks for the session, so its outage does not reach it.
      expect((await handler(new Request("http://shop.test/api/trpc/health.check", { headers: signedIn }))).status).toBe(200);
      expect(session.decoded).toBe(1);
    } finally {
      await down.$disconnect();
    }
  });

  it("decodes the session only for procedures that need it, once per request however many ask", async () => {
    const get = (session: ReturnType<typeof countedSession>, paths: string[], headers: Record<string, string> = signedIn) => {
      const input = encodeURIComponent(JSON.stringify(Object.fromEntries(paths.map((path, index) => [index, { json: path === "product.list" ? { sort: "newest" } : {} }]))));
      return createTRPCRouteHandler({ router: appRouter, session, appUrl: () => app })(new Request(`${app}/api/trpc/${paths.join(",")}?batch=1&input=${input}`, { headers }));
    };
    const customer = countedSession({ user: { id: `no-such-user-${process.pid}`, email: "c@example.test", roles: ["CUSTOMER"] } });

    // Public cached reads, signed in or not: nothing decoded.
    expect((await get(customer, ["product.list", "category.list"])).status).toBe(200);
    expect((await get(customer, ["product.list"], {})).status).toBe(200);
    expect(customer.decoded).toBe(0);

    // Protected calls in one batch, one through the staff middleware too: one decoding.
    const batch = await get(customer, ["order.list", "cart.get", "admin.order.list", "product.list"]);
    const codes = ((await batch.json()) as { result?: unknown; error?: { json: { data: { code: string } } } }[]).map((item) => item.error?.json.data.code ?? "OK");
    expect(codes).toEqual(["OK", "OK", "FORBIDDEN", "OK"]);
    expect(customer.decoded).toBe(1);

    // No session cookie: a protected call is refused without decoding anything.
    const anonymous = countedSession({ user: { id: "u", email: "u@example.test", roles: ["CUSTOMER"] } });
    const refused = await get(anonymous, ["order.list"], {});
    expect(refused.status).toBe(401);
    expect(anonymous.decoded).toBe(0);
  });

  it("sets no Retry-After on answers that a retry cannot change", async () => {
    const handler = createTRPCRouteHandler({ router: appRouter, session: anonymousSession, appUrl: () => "http://shop.test" });
    const response = await handler(new Request("http://shop.test/api/trpc/order.list"));
    expect(response.status).toBe(401);
    expect(response.headers.get("retry-after")).toBeNull();
  });

  it("lets a CDN keep an anonymous answer made wholly of shared cached reads for a second, and nothing else", async () => {
    const get = (path: string, input: unknown, headers: Record<string, string> = {}) =>
      createTRPCRouteHandler({ router: storefrontRouter, session: countedSession({ user: { id: "u1", email: "a@example.test", roles: ["CUSTOMER"] } }), appUrl: () => app })(
        new Request(`${app}/api/trpc/${path}?${path.includes(",") ? "batch=1&" : ""}input=${encodeURIComponent(JSON.stringify(input))}`, { headers }),
      );
    const cachedList = await get("product.list", { json: { sort: "newest" } });
    expect(cachedList.status).toBe(200);
    expect(cachedList.headers.get("cache-control")).toBe(SHARED_CACHE_CONTROL);
    const twoCached = await get("category.list,product.list", { 0: { json: null }, 1: { json: { sort: "newest" } } });
    expect(twoCached.status).toBe(200);
    expect(twoCached.headers.get("cache-control")).toBe(SHARED_CACHE_CONTROL);

    // Mixed with an uncached read, a bad input, or asked for with a session: no shared caching.
    const mixed = await get("product.list,health.check", { 0: { json: { sort: "newest" } }, 1: { json: null } });
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get("cache-control")).not.toBe(SHARED_CACHE_CONTROL);
    const bad = await get("product.list", { json: { sort: "sideways" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).not.toBe(SHARED_CACHE_CONTROL);
    // Signed in is known from the cookie alone, without decoding it.
    const withSession = await get("product.list", { json: { sort: "newest" } }, signedIn);
    expect(withSession.status).toBe(200);
    expect(withSession.headers.get("cache-control")).not.toBe(SHARED_CACHE_CONTROL);
  });

  it("answers a repeated anonymous shared read without entering the API, until an edit invalidates the cache", async () => {
    const shop = await buildShop(prisma);
    const admin = createCaller(createInnerContext({ session: { user: { id: shop.admin.id, email: shop.admin.email, roles: ["ADMIN"] } } }));
    const api = createTRPCRouteHandler({ router: storefrontRouter, session: countedSession(null), appUrl: () => app, keepAnswers: false });
    let reachedApi = 0;
    const counted = (req: Request) => (reachedApi++, api(req));
    const url = `${app}/api/trpc/product.bySlug?input=${encodeURIComponent(JSON.stringify({ json: { slug: shop.product.slug } }))}`;
    const price = async (headers: Record<string, string> = {}) => {
      const response = await withKeptAnswers(new Request(url, { headers }), !("cookie" in headers), counted);
      expect(response.status).toBe(200);
      return ((await response.json()) as { result: { data: { json: { price: string } } } }).result.data.json.price;
    };

    // Served from a kept answer: the API is not reached. (Polled: the cache's generation
    // also moves when its bus first subscribes, or another instance's cache writes.)
    const servedKept = async (expected: string) => {
      const before = reachedApi;
      return (await price()) === expected && reachedApi === before;
    };
    expect(await price()).toBe("49.9");
    expect(await pollUntil("a repeated read to be answered without the API", () => servedKept("49.9"), 3_000, 10)).toBe(true);
    // A signed-in request always reaches the API.
    const before = reachedApi;
    expect(await price(signedIn)).toBe("49.9");
    expect(reachedApi).toBe(before + 1);

    // The very next read after an edit is fresh, and is then kept in its turn.
    await admin.admin.product.update({ id: shop.product.id, price: "51.00" });
    expect(await price()).toBe("51");
    expect(await pollUntil("the new answer to be kept", () => servedKept("51"), 3_000, 10)).toBe(true);
  });
});
