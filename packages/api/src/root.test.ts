import { expect, it } from "vitest";
import { appRouter, storefrontRouter } from "./root";

it("the storefront's router holds every customer procedure and no admin one", () => {
  const all = Object.keys(appRouter._def.procedures);
  const storefront = Object.keys(storefrontRouter._def.procedures);
  expect(storefront.filter((path) => path.startsWith("admin."))).toEqual([]);
  expect(storefront.sort()).toEqual(all.filter((path) => !path.startsWith("admin.")).sort());
  expect(storefront).toContain("order.checkout");
});
