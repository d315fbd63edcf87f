import { describe, expect, it } from "vitest";
import { choose, initialChoice, matrixVariants, optionDimensions, valueStates, variantFor, type MatrixVariant } from "./option-matrix";

/** Sizes S, M, L in black and navy: M comes only in black, L in black is sold out. */
const jacket: MatrixVariant[] = [
  { id: "s-black", options: { size: "S", colour: "black" }, available: 4 },
  { id: "s-navy", options: { size: "S", colour: "navy" }, available: 9 },
  { id: "m-black", options: { size: "M", colour: "black" }, available: 2 },
  { id: "l-navy", options: { size: "L", colour: "navy" }, available: 7 },
  { id: "l-black", options: { size: "L", colour: "black" }, available: 0 },
];
const dimensions = optionDimensions(jacket);
const states = (choice: Record<string, string>, key: string) => Object.fromEntries(valueStates(jacket, dimensions, choice, key));

describe("option matrix", () => {
  it("has one option per key, in the variants' order, each value once", () => {
    expect(dimensions).toEqual([
      { key: "size", values: ["S", "M", "L"] },
      { key: "colour", values: ["black", "navy"] },
    ]);
  });

  it("offers every first-option value, sold out only when none of its variants is in stock", () => {
    expect(states({}, "size")).toEqual({ S: "available", M: "available", L: "available" });
    const soldOutL = jacket.map((variant) => (variant.id === "l-navy" ? { ...variant, available: 0 } : variant));
    expect(Object.fromEntries(valueStates(soldOutL, dimensions, {}, "size"))).toMatchObject({ L: "soldOut" });
  });

  it("marks later values given the choices before them: missing combinations unavailable, empty ones sold out", () => {
    expect(states({ size: "S" }, "colour")).toEqual({ black: "available", navy: "available" });
    expect(states({ size: "M" }, "colour")).toEqual({ black: "available", navy: "unavailable" });
    expect(states({ size: "L" }, "colour")).toEqual({ black: "soldOut", navy: "available" });
  });

  it("keeps the later choices that still exist and moves the others to one in stock", () => {
    expect(choose(jacket, dimensions, { size: "S", colour: "navy" }, "size", "M")).toEqual({ size: "M", colour: "black" });
    expect(choose(jacket, dimensions, { size: "S", colour: "navy" }, "size", "L")).toEqual({ size: "L", colour: "navy" });
    // The customer's colour stays even when sold out in the new size: its price and "Out of stock" show.
    expect(choose(jacket, dimensions, { size: "S", colour: "black" }, "size", "L")).toEqual({ size: "L", colour: "black" });
    expect(choose(jacket, dimensions, { size: "L", colour: "navy" }, "colour", "black")).toEqual({ size: "L", colour: "black" });
  });

  it("settles on a sold-out combination when it is the only one", () => {
    const onlySoldOut = [...jacket, { id: "xl-rust", options: { size: "XL", colour: "rust" }, available: 0 }];
    const all = optionDimensions(onlySoldOut);
    expect(choose(onlySoldOut, all, { size: "S", colour: "black" }, "size", "XL")).toEqual({ size: "XL", colour: "rust" });
  });

  it("starts on the first variant in stock", () => {
    expect(initialChoice(jacket)).toEqual({ size: "S", colour: "black" });
    expect(initialChoice([{ ...jacket[0]!, available: 0 }, ...jacket.slice(1)])).toEqual({ size: "S", colour: "navy" });
    expect(initialChoice(jacket.map((variant) => ({ ...variant, available: 0 })))).toEqual({ size: "S", colour: "black" });
  });

  it("finds the variant a choice names, the first in stock among identical ones", () => {
    expect(variantFor(jacket, { size: "L", colour: "black" })?.id).toBe("l-black");
    expect(variantFor(jacket, { size: "M", colour: "navy" })).toBeUndefined();
    const twins: MatrixVariant[] = [
      { id: "first", options: { colour: "sand" }, available: 0 },
      { id: "second", options: { colour: "sand" }, available: 3 },
    ];
    expect(optionDimensions(twins)).toEqual([{ key: "colour", values: ["sand"] }]);
    expect(variantFor(twins, { colour: "sand" })?.id).toBe("second");
  });

  it("falls back to one option of variant labels when the variants' options are missing or differ", () => {
    const row = (id: string, options: unknown) => ({ id, label: `Label ${id}`, options, available: 1 });
    expect(matrixVariants([row("a", { size: "S" }), row("b", { size: 2 })]).map((variant) => variant.options)).toEqual([{ size: "S" }, { size: "2" }]);
    for (const options of [{}, null, ["S"], { colour: "red" }, { size: { nested: true } }]) {
      expect(matrixVariants([row("a", { size: "S" }), row("b", options)]).map((variant) => variant.options)).toEqual([{ variant: "Label a" }, { variant: "Label b" }]);
    }
  });
});
