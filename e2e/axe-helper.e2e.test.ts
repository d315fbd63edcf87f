import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "./support/axe";
import { launchBrowser } from "./support/browser";

// The helper every page's accessibility check relies on: it must pass a clean page and
// fail, naming rule and element, on the kinds of violation issue 12 found.
describe("expectNoSeriousViolations", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => browser?.close());

  const document = (body: string) => `<!doctype html><html lang="en"><head><title>Axe check</title></head><body><main><h1>Page</h1>${body}</main></body></html>`;

  it("passes a page without serious violations", async () => {
    await page.setContent(document(`<p>Plain text and a <a href="/x">clear link</a> on its own.</p>`));
    await expectNoSeriousViolations(page, "clean page");
  });

  it("fails listing each serious violation's rule and target", async () => {
    await page.setContent(
      document(`<p id="labelled" aria-label="Rated 4 out of 5"><span aria-hidden="true">★★★★☆</span></p>
        <div id="hidden" aria-hidden="true"><a id="hidden-link" href="#reviews">12 reviews</a></div>
        <p id="faint" style="color:#aaa;background:#fff">Faint text</p>`),
    );
    const failure = await expectNoSeriousViolations(page, "bad page").then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain("bad page");
    expect(failure).toMatch(/aria-prohibited-attr \(serious\).*#labelled/);
    expect(failure).toMatch(/aria-hidden-focus \(serious\).*#hidden/);
    expect(failure).toMatch(/color-contrast \(serious\).*#faint/);
  });
});
