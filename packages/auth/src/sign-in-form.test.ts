import { expect, it } from "vitest";
import { sameSitePath } from "./sign-in-form";

it("follows a callback only to a path on this site", () => {
  const origin = "https://shop.example";
  expect(sameSitePath("/checkout?step=2#pay", origin)).toBe("/checkout?step=2#pay");
  expect(sameSitePath("/", origin)).toBe("/");
  for (const elsewhere of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) {
    expect(sameSitePath(elsewhere, origin), elsewhere).toBe("/");
  }
});
