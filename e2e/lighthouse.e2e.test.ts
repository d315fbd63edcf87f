import { prisma } from "@shop/db";
import lighthouse from "lighthouse";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../packages/db/src/postgres/embedded";
import { seed } from "../scripts/seed/run";
import { startApps, type RunningApps } from "./support/apps";
import { launchBrowser } from "./support/browser";

/**
 * Lighthouse's accessibility score (only that category: a run takes a few seconds) on
 * the storefront's home, a category page and a product page, in Debian's Chromium
 * launched by playwright with a debugging port that lighthouse drives.
 */
const MIN_SCORE = 95;
let apps: RunningApps;
let browser: Browser;
let port: number;

beforeAll(async () => {
  await seed({ db: prisma, products: 8, customers: 1 });
  port = await freePort();
  [apps, browser] = await Promise.all([startApps(), launchBrowser([`--remote-debugging-port=${port}`])]);
});

afterAll(async () => {
  await browser?.close();
  await apps?.stop();
});

describe("Lighthouse accessibility on the storefront", () => {
  it(`scores at least ${MIN_SCORE} on home, a category and a product page`, async () => {
    const product = await prisma.product.findFirstOrThrow({
      where: { status: "ACTIVE", variants: { some: { isActive: true } } },
      select: { slug: true, category: { select: { slug: true } } },
      orderBy: { createdAt: "asc" },
    });
    const pages = { home: "/", category: `/c/${product.category.slug}`, product: `/p/${product.slug}` };
    const scores: Record<string, number> = {};
    const seconds: Record<string, number> = {};
    const failing: string[] = [];
    // One page at a time: lighthouse drives one tab, and the scores must not suffer from each other's load.
    for (const [name, path] of Object.entries(pages)) {
      const started = performance.now();
      const result = await lighthouse(`${apps.storefront}${path}`, {
        port,
        onlyCategories: ["accessibility"],
        // The accessibility audits read the DOM: no network throttling, no full-page screenshot for a report nobody opens.
        throttlingMethod: "provided",
        disableFullPageScreenshot: true,
        logLevel: "error",
        output: "json",
      });
      if (!result) throw new Error(`lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      scores[name] = Math.round((categories.accessibility?.score ?? 0) * 100);
      seconds[name] = Math.round((performance.now() - started) / 100) / 10;
      for (const ref of categories.accessibility?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${name}: ${audit.id} (weight ${ref.weight}): ${audit.title}`);
      }
    }
    console.info(`lighthouse accessibility: ${JSON.stringify(scores)} (seconds per page: ${JSON.stringify(seconds)})${failing.length ? `\nfailing audits:\n${failing.join("\n")}` : ""}`);
    for (const [name, score] of Object.entries(scores)) expect(score, `${name}: ${failing.join("; ")}`).toBeGreaterThanOrEqual(MIN_SCORE);
  });
});
