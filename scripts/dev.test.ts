import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCaller, createInnerContext } from "@shop/api";
import { createPrismaClient, env, overrideEnv } from "@shop/db";
import { customerAccount } from "./seed/run";
import { postgresAnswers } from "../packages/db/src/postgres/admin";
import { freePort } from "../packages/db/src/postgres/embedded";
import { descendants, isAlive, pollUntil, portAnswers, waitForHttp } from "../packages/db/src/testing/processes";
import { redisAnswers } from "../packages/db/src/testing/redis-servers";

const root = join(import.meta.dirname, "..");
const dataDir = await mkdtemp(join(tmpdir(), "shop-dev-stack-"));
// Reachable by the `postgres` user PostgreSQL runs as when the tests run as root.
await chmod(dataDir, 0o755);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** A seeded customer's order on the stack's database; its checkout wakes the stack's worker there. */
async function placeOrderOn(databaseUrl: string): Promise<string> {
  const ownUrl = env().DATABASE_URL;
  const db = createPrismaClient({ url: databaseUrl });
  // The mailer's wake-up is a job in DATABASE_URL's queue: point it at the stack's for the checkout.
  overrideEnv({ DATABASE_URL: databaseUrl });
  try {
    const customer = await db.user.findUniqueOrThrow({ where: { email: customerAccount(1).email }, select: { id: true, email: true } });
    const caller = createCaller(createInnerContext({ session: { user: { ...customer, roles: ["CUSTOMER"] } }, db }));
    const { items } = await caller.product.list({ limit: 10 });
    const products = await Promise.all(items.map((item) => caller.product.bySlug({ slug: item.slug })));
    const variant = products.flatMap((product) => product.variants).find((candidate) => candidate.inStock)!;
    await caller.cart.add({ variantId: variant.id, quantity: 1 });
    const address = (await caller.address.list())[0]!;
    const order = await caller.order.checkout({ idempotencyKey: `dev-test-${Date.now()}`, addressId: address.id });
    return `Order #${order.number} placed`;
  } finally {
    overrideEnv({ DATABASE_URL: ownUrl });
    await db.$disconnect();
  }
}

describe("the one-line local stack", () => {
  it("starts PostgreSQL, migrates, seeds, serves both apps, runs the worker, and leaves nothing running after Ctrl-C", async () => {
    const [port, redisPort, storefrontPort, adminPort, smtpPort, inboxPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/shop`;
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const stack = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/dev.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DEV_DATA_DIR: dataDir,
        // Nothing answers there: the stack starts its own redis-server, as on a fresh machine.
        REDIS_URL: redisUrl,
        // A few orders of history, not 96: seeding is this test's slowest step and proves nothing more with more.
        DEV_SEED_ORDERS: "8",
        // Info, so the worker's start and stop show in the output.
        LOG_LEVEL: "info",
        STOREFRONT_URL: `http://localhost:${storefrontPort}`,
        ADMIN_URL: `http://localhost:${adminPort}`,
        SMTP_URL: undefined,
        DEV_MAIL_SMTP_PORT: String(smtpPort),
        DEV_MAIL_WEB_PORT: String(inboxPort),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    stack.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    stack.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => stack.on("exit", resolve));

    await pollUntil(
      "the stack to say it is ready",
      () => {
        if (stack.exitCode !== null) throw new Error(`the stack exited with ${stack.exitCode}:\n${output}`);
        return output.includes("[dev] ready");
      },
      150_000,
      250,
    );
    expect(output, output).toContain("[dev] ready");
    expect(output).toContain("PostgreSQL 16: embedded");
    expect(output).toContain(`Redis: started redis-server on port ${redisPort}`);
    expect(output).toContain("empty database: seeding");

    // The seeded shop answers through the API, against the stack's database.
    const db = createPrismaClient({ url: databaseUrl });
    try {
      const products = await createCaller(createInnerContext({ session: null, db })).product.list({});
      expect(products.items.length).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }

    // "ready" means both apps answer already, not that they were started.
    for (const port of [storefrontPort, adminPort]) expect((await fetch(`http://localhost:${port}/api/trpc/health.check`)).status).toBe(200);
    // Both apps answer over /api/trpc with the seeded catalog.
    expect(output).toContain(`storefront: http://localhost:${storefrontPort}`);
    expect(output).toContain(`admin: http://localhost:${adminPort}`);
    const hasProducts = (response: Response, body: string) => response.ok && body.includes('"slug"');
    await waitForHttp(`http://localhost:${storefrontPort}/api/trpc/product.list`, hasProducts, 180_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- stack output ---\n${output.slice(-3000)}`);
    });
    await waitForHttp(`http://localhost:${adminPort}/api/trpc/health.check`, (response) => response.ok, 180_000);
    // The job worker runs beside them, on the stack's database.
    await pollUntil("the worker to start", () => output.includes('"msg":"worker started"'), 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n--- stack output ---\n${output.slice(-3000)}`);
    });

    // An order's e-mail reaches the mail catcher, whose inbox the stack printed.
    expect(output).toContain(`mail inbox: http://localhost:${inboxPort}`);
    const subject = await placeOrderOn(databaseUrl);
    await pollUntil(`"${subject}" in the mail inbox`, async () => {
      const inbox = (await (await fetch(`http://localhost:${inboxPort}/api/email`)).json()) as { subject: string }[];
      return inbox.some((mail) => mail.subject === subject);
    }, 30_000, 500);

    const started = descendants(stack.pid!);
    expect(started.length).toBeGreaterThan(2);
    stack.kill("SIGINT");
    expect(await exited).toBe(0);
    // A normal Ctrl-C reads as one: no pnpm run failures, no lifecycle errors.
    expect(output).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
    // It stopped on the signal, not killed after the grace period.
    expect(output).toContain('"msg":"worker stopped"');
    expect(await postgresAnswers(databaseUrl.replace("/shop", "/postgres"), 1_000)).toBe(false);
    expect(await redisAnswers(redisUrl)).toBe(false);
    expect(await portAnswers(storefrontPort)).toBe(false);
    expect(await portAnswers(adminPort)).toBe(false);
    expect(started.filter(isAlive)).toEqual([]);
  });
});
