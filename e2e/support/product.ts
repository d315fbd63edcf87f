import type { Page } from "playwright-core";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The radio for one value of a product page option ("Size" → "M"), whatever state it is in. */
export const optionRadio = (page: Page, option: string, value: string) =>
  page
    .getByRole("group", { name: new RegExp(`^${escape(option)}$`, "i") })
    .getByRole("radio", { name: new RegExp(`^${escape(value)}(,|$)`, "i") });

/**
 * Picks a variant on the product page by its options as stored ({size: "M", colour:
 * "navy"}), in the page's own order of options (each narrows the next). A product with
 * one variant has no pickers and needs no choice.
 */
export async function chooseVariant(page: Page, options: unknown): Promise<void> {
  const wanted = new Map(Object.entries(options && typeof options === "object" ? options : {}).map(([key, value]) => [key.toLowerCase(), String(value)]));
  for (const legend of await page.getByTestId("option-picker").locator("legend").allTextContents()) {
    const value = wanted.get(legend.trim().toLowerCase());
    if (value === undefined) throw new Error(`no value for the option "${legend}" in ${JSON.stringify(options)}`);
    await optionRadio(page, legend.trim(), value).check();
  }
}
