import { Prisma } from "@shop/db";
import { currencyDigits, storedDigits } from "./currency";

/**
 * The shop's one rounding rule: half away from zero (decimal.js ROUND_HALF_UP, like
 * PostgreSQL's round()), applied once when an amount is computed for storage: to the
 * currency's minor unit when it is given (JPY 0 places, USD 2), else to the stored
 * scale of 2 places.
 */
export const roundMoney = (amount: Prisma.Decimal.Value, currency?: string) =>
  new Prisma.Decimal(amount).toDecimalPlaces(currency ? Math.min(currencyDigits(currency), storedDigits) : storedDigits, Prisma.Decimal.ROUND_HALF_UP);

/**
 * An amount in the currency's minor units (what payment providers take: cents for
 * USD, yen for JPY, fils for KWD), by its ISO 4217 exponent; rounded by the rule above.
 * Throws for a code that is not ISO 4217.
 */
export function toMinorUnits(amount: Prisma.Decimal, currency: string): number {
  const digits = currencyDigits(currency);
  const minor = amount.toDecimalPlaces(digits, Prisma.Decimal.ROUND_HALF_UP).mul(new Prisma.Decimal(10).pow(digits));
  if (minor.abs().gt(Number.MAX_SAFE_INTEGER)) throw new Error(`Amount ${amount.toFixed()} ${currency} is too large`);
  return minor.toNumber();
}

/** The amount `minor` minor units of `currency` stand for (e.g. 1234 USD cents → 12.34). */
export function fromMinorUnits(minor: number, currency: string): Prisma.Decimal {
  const digits = currencyDigits(currency);
  if (!Number.isSafeInteger(minor)) throw new Error(`Minor units must be a whole number, got ${minor}`);
  return new Prisma.Decimal(minor).div(new Prisma.Decimal(10).pow(digits));
}
