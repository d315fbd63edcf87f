import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Runs axe-core on the page as it is now and fails when it finds a serious or critical
 * violation, listing each rule with the elements it flagged (minor and moderate ones are
 * not the bar).
 */
export async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const report = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(report, `${name}: serious axe-core violations:\n${report.join("\n")}`).toEqual([]);
}
