import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { appRouter } from "./root";

it("docs/api.md lists every procedure", () => {
  const doc = readFileSync(join(import.meta.dirname, "../../../docs/api.md"), "utf8");
  const missing = Object.keys(appRouter._def.procedures).filter((path) => !doc.includes(`| \`${path}\` |`));
  expect(missing).toEqual([]);
});
