import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { prisma } from "@shop/db";
import { describe, expect, it } from "vitest";
import { freePort } from "../packages/db/src/postgres/embedded";
import { descendants } from "../packages/db/src/testing/processes";
import { customerAccount } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { signIn } from "./support/browser";
import { chooseVariant } from "./support/product";

/**
 * Request limits and CSRF, attacked over real HTTP against both production builds:
 * oversized bodies, oversized batches, cross-site mutations riding a customer's cookie.
 */
const shop = useShop({ seed: { products: 8, customers: 1, orders: 0 } });

const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: string;
  ms: number;
  /** Bytes the client had written when the answer arrived. */
  sent: number;
}

/**
 * POSTs `total` bytes of JSON whitespace, declared in Content-Length or streamed
 * chunked without one, and stops sending as soon as an answer arrives (a server that
 * answers early is not made to swallow the rest).
 */
function postLarge(url: string, total: number, options: { declared: boolean; headers?: Record<string, string> }): Promise<Answer> {
  const started = performance.now();
  const chunk = Buffer.alloc(64 * 1024, " ");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers = { "content-type": "application/json", ...(options.declared ? { "content-length": String(total) } : {}), ...options.headers };
    const req = request(url, { method: "POST", headers }, (res) => {
      answered = true;
      const sentAtAnswer = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started, sent: sentAtAnswer });
        req.destroy();
      });
    });
    // Writing into a connection the server closed after answering fails; the answer is what counts.
    req.on("error", (error) => answered || reject(error));
    const pump = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Resident memory of a server process and its children, in bytes (from /proc). */
function residentBytes(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, each) => {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, "utf8"))?.[1];
    return sum + Number(kb ?? 0) * 1024;
  }, 0);
}

const limitOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; limitBytes: number } }).error;

describe("request limits", () => {
  it("refuses an oversized body to /api/trpc, the auth routes and the webhook with a quick 413 naming the limit", async () => {
    const routes = [
      { url: `${shop.apps.storefront}/api/trpc/auth.register`, limit: MB },
      { url: `${shop.apps.admin}/api/trpc/auth.register`, limit: MB },
      { url: `${shop.apps.storefront}/api/auth/callback/credentials`, limit: 64 * 1024 },
      { url: `${shop.apps.admin}/api/auth/callback/credentials`, limit: 64 * 1024 },
      { url: `${shop.apps.storefront}/api/webhooks/payment`, limit: 512 * 1024 },
    ];
    for (const { url, limit } of routes) {
      // Declared in Content-Length: refused before a byte is kept. Streamed without a
      // length: refused once past the limit. Either way the answer comes while most of
      // the 100 MB is still unsent (loopback's socket buffers take a few MB).
      for (const declared of [true, false]) {
        const total = 100 * MB;
        const answer = await postLarge(url, total, { declared });
        expect(answer.status, `${url} (${declared ? "declared" : "streamed"}): ${answer.body}`).toBe(413);
        expect(limitOf(answer)).toEqual(expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", limitBytes: limit }));
        expect(answer.ms).toBeLessThan(5_000);
        expect(answer.sent).toBeLessThan(total / 4);
      }
    }
  });

  it("keeps the server's memory bounded under parallel 10 MB bodies", async () => {
    // A public mutation: before any check, tRPC would read the whole body to parse its input.
    const url = `${shop.apps.storefront}/api/trpc/auth.register`;
    // Warm the route (first-request compilation and caches) before measuring.
    await postLarge(url, 2 * MB, { declared: false });
    const before = residentBytes(shop.apps.pids.storefront);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => postLarge(url, 10 * MB, { declared: index % 2 === 0 })),
    );
    const after = residentBytes(shop.apps.pids.storefront);
    console.info(`storefront RSS ${Math.round(before / MB)} MB → ${Math.round(after / MB)} MB after 12 parallel 10 MB bodies`);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 413));
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(10_000);
    // 120 MB arrived at once; buffering them would grow the process by at least that.
    expect(after - before).toBeLessThan(40 * MB);
  });

  it("refuses a batch of 1,000 calls with a 400 before running any of them", async () => {
    const run = randomUUID().slice(0, 8);
    const calls = Array.from({ length: 1_000 }, (_, index) => ({ json: { email: `batch-${run}-${index}@example.test`, password: "batch-password-123", name: "Batch" } }));
    const response = await fetch(`${shop.apps.storefront}/api/trpc/${calls.map(() => "auth.register").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(Object.fromEntries(calls.entries())),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Batch call exceeds maximum size/);
    expect(await prisma.user.count({ where: { email: { startsWith: `batch-${run}-` } } })).toBe(0);

    // Up to the limit (25) a batch still runs: the browser's own batches are at most 10.
    const atLimit = await fetch(`${shop.apps.storefront}/api/trpc/${Array(25).fill("health.check").join(",")}?batch=1&input={}`);
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toHaveLength(25);
    expect((await fetch(`${shop.apps.storefront}/api/trpc/${Array(26).fill("health.check").join(",")}?batch=1&input={}`)).status).toBe(400);
  });
});

describe("CSRF", () => {
  it("refuses mutations from other origins riding a customer's cookie, while the app's own pages work", async () => {
    const customer = customerAccount(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: customer.email }, select: { id: true } });
    await prisma.cartItem.deleteMany({ where: { userId: user.id } });
    const cartCount = () => prisma.cartItem.count({ where: { userId: user.id } });
    const product = await prisma.product.findFirstOrThrow({
      where: { status: "ACTIVE", variants: { some: { isActive: true, inventory: { onHand: { gte: 5 } } } } },
      select: { slug: true, variants: { where: { isActive: true, inventory: { onHand: { gte: 5 } } }, select: { options: true }, take: 1 } },
    });

    const context = await shop.browser.newContext();
    const page = await context.newPage();
    await signIn(page, shop.apps.storefront, customer.email, customer.password);
    await page.waitForURL(`${shop.apps.storefront}/`);
    // A same-origin JSON mutation from the app's own page still works.
    await page.goto(`${shop.apps.storefront}/p/${product.slug}`);
    await chooseVariant(page, product.variants[0]!.options);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect.poll(cartCount).toBe(1);

    // A page on a sibling origin (same site: the cookie goes along under SameSite=Lax)
    // posts a plain HTML multipart form at cart.clear.
    const evil = `http://localhost:${await freePort()}`;
    await page.route(`${evil}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" enctype="multipart/form-data" action="${shop.apps.storefront}/api/trpc/cart.clear"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`,
      }),
    );
    const [attack] = await Promise.all([page.waitForResponse((response) => response.url().includes("/api/trpc/cart.clear")), page.goto(`${evil}/win-a-prize`)]);
    expect((await attack.request().allHeaders())["cookie"]).toContain("session-token");
    expect(attack.status()).toBe(403);
    expect(await attack.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect(await cartCount()).toBe(1);

    // The same cookie sent by a forged request: other origins, other sites, other media types.
    const cookie = (await context.cookies(shop.apps.storefront)).map(({ name, value }) => `${name}=${value}`).join("; ");
    const clear = (headers: Record<string, string>, body = "{}") => fetch(`${shop.apps.storefront}/api/trpc/cart.clear`, { method: "POST", headers: { cookie, ...headers }, body });
    const json = { "content-type": "application/json" };
    expect((await clear({ ...json, origin: "https://evil.example" })).status).toBe(403);
    expect((await clear({ ...json, origin: shop.apps.admin })).status).toBe(403);
    expect((await clear({ ...json, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await clear({ ...json, "sec-fetch-site": "same-site" })).status).toBe(403);
    const form = new FormData();
    form.set("x", "1");
    const multipart = await fetch(`${shop.apps.storefront}/api/trpc/cart.clear`, { method: "POST", headers: { cookie }, body: form });
    expect(multipart.status).toBe(415);
    expect((await clear({ "content-type": "text/plain" })).status).toBe(415);
    // A mutation cannot be reached by GET either.
    expect((await fetch(`${shop.apps.storefront}/api/trpc/cart.clear`, { headers: { cookie } })).status).toBe(405);
    expect(await cartCount()).toBe(1);

    // From the app's own origin (what the browser sends) the same call runs.
    const own = await clear({ ...json, origin: shop.apps.storefront, "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
    expect(await cartCount()).toBe(0);
    await context.close();
  });
});
