import { describe, expect, it } from "vitest";
import { Prisma } from "@shop/db";
import { fromMinorUnits, toMinorUnits } from "./money";

const d = (value: string) => new Prisma.Decimal(value);

describe("minor units (ISO 4217 exponents)", () => {
  it("uses each currency's own exponent, not a fixed 100", () => {
    expect(toMinorUnits(d("1234"), "JPY")).toBe(1234);
    expect(toMinorUnits(d("12.34"), "USD")).toBe(1234);
    expect(toMinorUnits(d("1.234"), "KWD")).toBe(1234);
    expect(toMinorUnits(d("1.5"), "BHD")).toBe(1500);
    expect(fromMinorUnits(1234, "JPY").toFixed()).toBe("1234");
    expect(fromMinorUnits(1234, "USD").toFixed(2)).toBe("12.34");
    expect(fromMinorUnits(1234, "KWD").toFixed(3)).toBe("1.234");
  });

  it("rounds half away from zero to the currency's minor unit", () => {
    expect(toMinorUnits(d("0.5"), "JPY")).toBe(1);
    expect(toMinorUnits(d("1.49"), "JPY")).toBe(1);
    expect(toMinorUnits(d("-0.5"), "JPY")).toBe(-1);
    expect(toMinorUnits(d("0.005"), "USD")).toBe(1);
    expect(toMinorUnits(d("0.0049"), "USD")).toBe(0);
  });

  it("refuses unknown codes and fractional minor units", () => {
    expect(() => toMinorUnits(d("1"), "XYZ")).toThrow(/Unknown currency "XYZ"/);
    expect(() => toMinorUnits(d("1"), "usd")).toThrow(/Unknown currency/);
    expect(() => fromMinorUnits(1, "ABC")).toThrow(/Unknown currency "ABC"/);
    expect(() => fromMinorUnits(1.5, "USD")).toThrow(/whole number/);
  });
});
