import { Prisma } from "@shop/db";

/** The shop's one rounding rule: half away from zero, to 2 places, when an amount is stored. */
export const roundMoney = (amount: Prisma.Decimal.Value) =>
  new Prisma.Decimal(amount).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);

// Placeholder until the ISO 4217 table lands (settings branch): two-digit currencies.
export const toMinorUnits = (amount: Prisma.Decimal, _currency: string) => amount.mul(100).toDecimalPlaces(0).toNumber();
export const fromMinorUnits = (minor: number, _currency: string) => new Prisma.Decimal(minor).div(100);
