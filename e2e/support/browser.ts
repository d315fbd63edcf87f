/// <reference lib="dom" />
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { chromiumPath } from "./chromium";

const outputDir = join(import.meta.dirname, "..", "..", "test-results", "e2e");

/** Debian's Chromium (apt-get install chromium), headless, with no calls home; `extraArgs` such as a debugging port. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...extraArgs],
  });
}

/**
 * Saves a full-page screenshot under test-results/e2e/ and returns how many distinct
 * colours it holds, measured by decoding the PNG in the page itself: a blank or
 * single-colour page has one or two, a rendered page has many.
 */
export async function screenshot(page: Page, name: string): Promise<number> {
  await mkdir(outputDir, { recursive: true });
  const png = await page.screenshot({ fullPage: true });
  await writeFile(join(outputDir, `${name}.png`), png);
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < pixels.length; i += 4) colours.add(((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0));
    return colours.size;
  }, png.toString("base64"));
}

/** Signs in through an app's own sign-in form (either app: the form is shared). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fills and sends the storefront's sign-up form. */
export async function signUp(page: Page, storefrontUrl: string, account: { name: string; email: string; password: string }): Promise<void> {
  await page.goto(`${storefrontUrl}/sign-up`);
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Waits until a page has its heading and no loading indicator left (streamed and client data arrived). */
export async function loaded(page: Page): Promise<void> {
  await page.locator("h1").first().waitFor();
  await expect.poll(() => page.getByRole("status").filter({ hasText: "Loading" }).count(), { timeout: 20_000 }).toBe(0);
}
