import { createCaller, createInnerContext } from "@shop/api";
import { prisma } from "@shop/db";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { ShopApp } from "../../packages/auth/src/config";
import { sessionCookie } from "../../packages/auth/src/testing";
import { ADMIN, seed, type SeedOptions } from "../../scripts/seed/run";
import { startApps, type RunningApps } from "./apps";
import { launchBrowser, signIn } from "./browser";

/**
 * Orders of history for files that need some but no charts: the seed's default for one
 * customer. Its last four are one each of PENDING, PAID, FULFILLING and SHIPPED, one is
 * cancelled, and one brings an approved review (with eight, that review collides with the
 * customer's first and none is approved); with two customers both have orders. Each
 * seeded order is a checkout through the API with its later steps, so the default of
 * twelve per customer cost the two-customer files twelve more checkouts each.
 */
export const HISTORY_SAMPLE = 12;

export interface ShopSetup {
  /** What the seed puts in this file's database before the apps start; nothing when left out. */
  seed?: Omit<SeedOptions, "db">;
  /** Runs after the seed, before the first test: data the tests need beyond the seed's. */
  prepare?: () => Promise<void>;
  /** Settings for the apps and the worker, or a function (run in beforeAll, before they start) returning them. */
  env?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** How many storefront instances to start (one by default). */
  storefronts?: number;
  /** Whether the tests need Chromium (most do; HTTP-only files save its start). */
  browser?: boolean;
  /** The set-up hook's own time limit, for a big seed. */
  timeout?: number;
}

export interface Shop {
  readonly apps: RunningApps;
  readonly browser: Browser;
  /** A page in a browser context of its own (its own cookies). */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** A page of its own, signed in to `app` through its sign-in form, on the app's home page. */
  signedIn(app: ShopApp, account: { email: string; password: string }, options?: BrowserContextOptions): Promise<Page>;
  /** The Cookie header of the user `email` signed in to `app`, with their roles from the database (for HTTP requests). */
  cookie(app: ShopApp, email: string): Promise<string>;
  /** A server-side caller as the seeded admin: its edits invalidate the apps' caches through Redis, as the admin app's would. */
  adminCaller(): Promise<ReturnType<typeof createCaller>>;
}

/**
 * The shop a browser-test file runs against, set up once for the file: seeds its
 * database through the API while it starts the apps' production builds and the worker
 * and launches Chromium, and stops all of it after the file's tests. Call it at the top
 * of a file or of a describe block (the hooks are registered there); read its fields
 * inside tests and hooks, once beforeAll has filled them.
 */
export function useShop(setup: ShopSetup = {}): Shop {
  let apps: RunningApps | undefined;
  let browser: Browser | undefined;

  // The seed runs while the apps boot and Chromium starts: nothing asks the apps for data
  // before the tests do, and the seed's edits reach their (empty) caches through Redis as
  // any edit would. Each part is kept as it finishes, so afterAll stops what did start.
  beforeAll(async () => {
    const results = await Promise.allSettled([
      (async () => {
        apps = await startApps(typeof setup.env === "function" ? await setup.env() : setup.env, { storefronts: setup.storefronts });
      })(),
      (async () => {
        if (setup.browser !== false) browser = await launchBrowser();
      })(),
      (async () => {
        if (setup.seed) await seed({ db: prisma, ...setup.seed });
        await setup.prepare?.();
      })(),
    ]);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }, setup.timeout);

  afterAll(async () => {
    await browser?.close();
    await apps?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the shop's ${what} is not started: use it inside tests or hooks${what === "browser" ? ", and not with { browser: false }" : ""}`);
    return value;
  };

  const shop: Shop = {
    get apps() {
      return started(apps, "apps");
    },
    get browser() {
      return started(browser, "browser");
    },
    async page(options) {
      return (await shop.browser.newContext(options)).newPage();
    },
    async signedIn(app, account, options) {
      const page = await shop.page(options);
      const base = shop.apps[app];
      await signIn(page, base, account.email, account.password);
      await page.waitForURL(`${base}/`);
      return page;
    },
    async cookie(app, email) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, roles: { select: { role: true } } } });
      return sessionCookie(app, { id: user.id, email: user.email, roles: user.roles.map((entry) => entry.role) });
    },
    async adminCaller() {
      const admin = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true, email: true } });
      return createCaller(createInnerContext({ session: { user: { ...admin, roles: ["ADMIN"] } } }));
    },
  };
  return shop;
}
