import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPrismaClient, prisma } from "@shop/db";
import { afterAll, describe, expect, it } from "vitest";
import { sessionCookie } from "../packages/auth/src/testing";
import { deployMigrations } from "../packages/db/src/migrations";
import { createDatabase } from "../packages/db/src/postgres/admin";
import { startEmbeddedPostgres, type RunningPostgres } from "../packages/db/src/postgres/embedded";
import { pollUntil } from "../packages/db/src/testing/processes";
import { startApps, type RunningApps } from "./support/apps";

const address = { street: "1 Burst St", city: "Load", state: "LD", zipCode: "00000", country: "US" };
const customer = (id: string, email: string) => ({ id, email, roles: ["CUSTOMER" as const] });

interface Answer {
  status: number;
  retryAfter: string | null;
  ms: number;
}

/** Fetches `url`, reading the whole body, and times the answer. */
async function timed(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), ms: Date.now() - started };
}

/** One tRPC call over HTTP as the storefront's client makes it (no batching). */
function call(base: string, path: string, options: { cookie?: string; input?: unknown; mutation?: boolean } = {}): Promise<Answer> {
  const body = JSON.stringify({ json: options.input });
  return timed(`${base}/api/trpc/${path}${options.mutation ? "" : `?input=${encodeURIComponent(body)}`}`, {
    method: options.mutation ? "POST" : "GET",
    headers: { "content-type": "application/json", origin: base, ...(options.cookie ? { cookie: options.cookie } : {}) },
    body: options.mutation ? body : undefined,
  });
}

const ready = (base: string) => timed(`${base}/api/ready`);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

describe("500 buyers checking out 50 units at once", () => {
  let apps: RunningApps | undefined;
  afterAll(() => apps?.stop());

  it("sells exactly 50, keeps stock and ledger in step, and answers everyone without a 5xx", async () => {
    const buyers = 500;
    const stock = 50;
    const category = await prisma.category.create({ data: { name: "Burst", slug: "burst" } });
    // A simple product: one variant, opening stock written to the ledger.
    await prisma.product.createMany({ data: [{ name: "Burst", slug: "burst", sku: "BURST-1", price: "9.99", quantity: stock, categoryId: category.id }] });
    const variant = await prisma.productVariant.findUniqueOrThrow({ where: { sku: "BURST-1" }, select: { id: true } });
    await prisma.user.createMany({ data: Array.from({ length: buyers }, (_, i) => ({ email: `burst-${i}@example.test` })) });
    const users = await prisma.user.findMany({ where: { email: { startsWith: "burst-" } }, select: { id: true, email: true } });
    await prisma.cartItem.createMany({ data: users.map((user) => ({ userId: user.id, variantId: variant.id, quantity: 1 })) });

    apps = await startApps();
    const storefront = apps.storefront;
    const cookies = await Promise.all(users.map((user) => sessionCookie("storefront", customer(user.id, user.email))));
    // The cookies are accepted: a signed-in call answers 200, not 401.
    expect((await call(storefront, "order.list", { cookie: cookies[0], input: {} })).status).toBe(200);

    const started = Date.now();
    const answers = await Promise.all(
      cookies.map((cookie, i) =>
        call(storefront, "order.checkout", { cookie, mutation: true, input: { idempotencyKey: `burst-order-${i}`, address } }),
      ),
    );
    const wall = Date.now() - started;
    const count = (status: number) => answers.filter((answer) => answer.status === status).length;
    const figures = { 200: count(200), 409: count(409), 429: count(429), other: answers.filter((a) => ![200, 409, 429].includes(a.status)).map((a) => a.status) };
    const times = (status?: number) => answers.filter((answer) => status === undefined || answer.status === status).map((answer) => answer.ms);
    const spread = (ms: number[]) => `p50 ${percentile(ms, 0.5)} / p95 ${percentile(ms, 0.95)} / max ${Math.max(0, ...ms)} ms`;
    console.log(`burst: ${JSON.stringify(figures)} in ${wall} ms; all ${spread(times())}; 200 ${spread(times(200))}; 409 ${spread(times(409))}; 429 ${spread(times(429))}`);

    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    expect(figures.other).toEqual([]);
    expect(figures[200]).toBe(stock);
    for (const shed of answers.filter((answer) => answer.status === 429)) expect(Number(shed.retryAfter)).toBeGreaterThan(0);

    // Exactly the 50 answered orders exist; stock, holds and the ledger agree.
    expect(await prisma.order.count()).toBe(stock);
    const inventory = await prisma.inventory.findUniqueOrThrow({ where: { variantId: variant.id }, select: { onHand: true, reserved: true } });
    const ledger = await prisma.inventoryTransaction.aggregate({ where: { variantId: variant.id }, _sum: { delta: true } });
    const held = await prisma.stockReservation.aggregate({ where: { variantId: variant.id }, _sum: { quantity: true } });
    expect(inventory).toEqual({ onHand: stock, reserved: stock });
    expect(ledger._sum.delta).toBe(inventory.onHand);
    expect(held._sum.quantity).toBe(inventory.reserved);
    // Nothing half-done: every buyer without an order still has the cart line, none with one does.
    const withOrder = await prisma.user.count({ where: { email: { startsWith: "burst-" }, orders: { some: {} } } });
    const withCart = await prisma.user.count({ where: { email: { startsWith: "burst-" }, cartItems: { some: {} } } });
    expect([withOrder, withCart]).toEqual([stock, buyers - stock]);
    expect(apps.output()).not.toMatch(/unhandled|uncaught/i);
  });
});

describe("PostgreSQL stopped and started again", () => {
  let apps: RunningApps | undefined;
  let postgres: RunningPostgres | undefined;
  let dataDir = "";
  afterAll(async () => {
    await apps?.stop();
    await postgres?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers 503 with Retry-After within 5 s, /api/ready says so, and both recover when it is back", async () => {
    // A server of this test's own, which it can stop without touching the shared one.
    dataDir = await mkdtemp(join(tmpdir(), "shop-e2e-outage-pg-"));
    postgres = await startEmbeddedPostgres({ dataDir, persistent: true, ephemeralTuning: true });
    const port = postgres.port;
    const url = await createDatabase(postgres.url, "shop_outage");
    await deployMigrations(url);
    const db = createPrismaClient({ url });
    const user = await db.user.create({ data: { email: "outage@example.test" }, select: { id: true, email: true } });
    apps = await startApps({ DATABASE_URL: url });
    const running = apps;
    // After startApps: it sets the AUTH_SECRET the apps and this process share.
    const cookie = await sessionCookie("storefront", customer(user.id, user.email), db);
    await db.$disconnect();
    for (const base of [running.storefront, running.admin]) expect((await ready(base)).status).toBe(200);
    expect((await call(running.storefront, "order.list", { cookie, input: {} })).status).toBe(200);

    await postgres.stop();
    postgres = undefined;
    const bound = 5_000;
    const stoppedAt = Date.now();
    // A call that must ask the database (orders are not cached) and a cold cached read.
    const down = await pollUntil("a 503 from the API", async () => {
      const answer = await call(running.storefront, "order.list", { cookie, input: {} });
      expect(answer.status, "never a 500").not.toBe(500);
      return answer.status === 503 ? answer : null;
    }, bound, 100);
    console.log(`PostgreSQL stopped: first 503 after ${Date.now() - stoppedAt} ms (that call took ${down.ms} ms)`);
    expect(Number(down.retryAfter)).toBeGreaterThan(0);
    expect(down.ms).toBeLessThan(bound);
    const cold = await call(running.storefront, "category.list", {});
    expect([cold.status, Number(cold.retryAfter) > 0]).toEqual([503, true]);
    for (const base of [running.storefront, running.admin]) {
      const answer = await ready(base);
      expect([answer.status, Number(answer.retryAfter) > 0]).toEqual([503, true]);
      expect(answer.ms).toBeLessThan(bound);
    }
    // health.check stays 200 and reports the database's state.
    const health = await fetch(`${running.storefront}/api/trpc/health.check`);
    expect([health.status, (await health.text()).includes('"database":"down"')]).toEqual([200, true]);

    postgres = await startEmbeddedPostgres({ dataDir, port, persistent: true, ephemeralTuning: true });
    const restartedAt = Date.now();
    for (const base of [running.storefront, running.admin]) await pollUntil(`${base}/api/ready to answer 200`, async () => (await ready(base)).status === 200, 15_000, 200);
    await pollUntil("order.list to answer 200 again", async () => (await call(running.storefront, "order.list", { cookie, input: {} })).status === 200, 15_000, 200);
    console.log(`PostgreSQL started again: ready and serving after ${Date.now() - restartedAt} ms`);
    expect(running.output()).not.toMatch(/unhandled|uncaught/i);
  });
});
