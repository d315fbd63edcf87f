import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The impacts a page may not have; minor and moderate findings are left to review. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe-core (every rule it ships) on the page as it is now and fails, naming `name`,
 * with one line per serious or critical violation: rule id, impact, help text, and the
 * selector of each offending element. Call it once the page has finished loading.
 */
export async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations
    .filter((violation) => violation.impact && BLOCKING.has(violation.impact))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} → ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(found, `serious/critical axe violations on ${name}:\n${found.join("\n")}\n`).toEqual([]);
}
