import { code as iso4217 } from "currency-codes";

/**
 * ISO 4217 minor-unit exponents from the `currency-codes` table (JPY 0, USD 2, KWD 3).
 * Browser-safe: the admin app's settings form validates with it too.
 */
export function currencyDigits(currency: string): number {
  // The table upper-cases what it is given; the shop stores codes upper-case only.
  const record = /^[A-Z]{3}$/.test(currency) ? iso4217(currency) : undefined;
  if (!record) throw new Error(`Unknown currency "${currency}" (not an ISO 4217 code)`);
  return record.digits;
}

/** Amounts are stored as Decimal(12,2): a currency the shop sells in needs at most 2 decimals. */
export const storedDigits = 2;

/** Why `currency` cannot be a currency the shop sells in, or null when it can. */
export function unsupportableCurrency(currency: string): string | null {
  let digits: number;
  try {
    digits = currencyDigits(currency);
  } catch (error) {
    return (error as Error).message;
  }
  return digits > storedDigits ? `${currency} has ${digits} decimal places; the shop stores amounts with ${storedDigits}` : null;
}

/** Why `amount` (a plain decimal string) has more decimals than `currency` allows, or null. */
export function tooPreciseFor(amount: string, currency: string): string | null {
  const decimals = amount.split(".")[1]?.length ?? 0;
  const digits = currencyDigits(currency);
  return decimals > digits ? `${currency} amounts have at most ${digits} decimal places` : null;
}
