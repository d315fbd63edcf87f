import { z } from "zod";
import { countryCode } from "./countries";
import { tooPreciseFor, unsupportableCurrency } from "./currency";
import { money } from "./schemas";

/**
 * The shop's settings: one zod schema per key, shared by `admin.settings.set`, by
 * `readSettings` (stored rows are re-validated on read) and by the admin settings form.
 * Browser-safe (no database, no Node built-ins). Only these keys exist: any other is
 * refused, so a typo cannot store a setting nothing reads.
 *
 * Amounts are decimal strings ("4.95"; numbers are accepted on input and normalised),
 * so they stay exact in JSON and become Prisma.Decimal where they are used. Shipping
 * amounts are kept per currency: `{ "USD": "4.95", "EUR": "4.50" }`; every currency
 * in `store.currencies` must be shippable: by a method of `shipping.methods` priced in
 * it or, while that list is empty, by the flat rate and free-shipping threshold.
 */

/** An ISO 4217 code the shop can sell in (amounts stored with 2 decimals, so ≤ 2 digits). */
const currencyCode = z.string().regex(/^[A-Z]{3}$/, "Enter a 3-letter currency code, like USD");
export const supportedCurrency = currencyCode.superRefine((code, ctx) => {
    const problem = unsupportableCurrency(code);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** `{ currency: amount }`, each amount non-negative and no finer than its currency's minor unit. */
const amountPerCurrency = z.record(currencyCode, money).superRefine((amounts, ctx) => {
  for (const [currency, amount] of Object.entries(amounts)) {
    const problem = unsupportableCurrency(currency) ?? tooPreciseFor(amount, currency);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: [currency] });
  }
});

/** One way to ship an order, offered at checkout for the currencies it has a price in. */
export const shippingMethod = z
  .object({
    /** Stable id: checkout's `shippingMethod` input and the order's snapshot name it. */
    code: z.string().trim().min(1, "Enter a code").max(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits joined by hyphens, like express"),
    name: z.string().trim().min(1, "Enter a name").max(60),
    price: amountPerCurrency,
    /** An order whose subtotal reaches this (in its currency) ships free by this method. */
    freeOver: amountPerCurrency.optional(),
    /** Shown beside the name, e.g. "3–5 business days". */
    estimate: z.string().trim().max(60).optional(),
    /** Offered only for addresses in these countries; absent: everywhere. */
    countries: z.array(countryCode).min(1, "Choose at least one country, or leave the list out").max(300).optional(),
  })
  .superRefine((method, ctx) => {
    for (const currency of Object.keys(method.freeOver ?? {})) {
      if (method.price[currency] === undefined) ctx.addIssue({ code: "custom", message: `Set a price in ${currency} before a free-shipping threshold in it`, path: ["freeOver", currency] });
    }
  });
export type ShippingMethod = z.output<typeof shippingMethod>;

export const settingSchemas = {
  "store.name": z.string().trim().min(1, "Enter the shop's name").max(100),
  /** The default currency: new products are priced in it; must be one of `store.currencies`. */
  "store.currency": supportedCurrency,
  /** The currencies products and variants may be priced in. */
  "store.currencies": z
    .array(supportedCurrency)
    .min(1, "Choose at least one currency")
    .max(20)
    .refine((codes) => new Set(codes).size === codes.length, "List each currency once"),
  /**
   * The ways to ship an order, in the order checkout lists them (the first available
   * is the default). Empty: one "Standard" method from the two keys below.
   */
  "shipping.methods": z
    .array(shippingMethod)
    .max(20)
    .refine((methods) => new Set(methods.map((method) => method.code)).size === methods.length, "Give each method its own code"),
  /** Shipping charged per order, in the order's currency (only while `shipping.methods` is empty). */
  "shipping.flatRate": amountPerCurrency,
  /** An order whose subtotal reaches this (in its currency) ships free (only while `shipping.methods` is empty). */
  "shipping.freeOver": amountPerCurrency,
  /** Tax as a fraction of the subtotal: 0.08 is 8 %. */
  "tax.rate": z.number().min(0).max(1),
  "inventory.lowStockThreshold": z.number().int().min(0).max(100_000),
  /** How long checkout holds stock for an unpaid order before it expires (docs/money.md). */
  "checkout.holdMinutes": z.number().int().min(1, "Must be at least 1 minute").max(7 * 24 * 60, "Must be at most a week (10,080 minutes)"),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };
export const settingKeys = Object.keys(settingSchemas) as SettingKey[];
export const settingKey = z.enum(settingKeys as [SettingKey, ...SettingKey[]], { error: "Not a setting the shop has" });

/** What each setting is when no row holds it. */
export const settingDefaults: Settings = {
  "store.name": "Shop",
  "store.currency": "USD",
  "store.currencies": ["USD"],
  "shipping.methods": [],
  "shipping.flatRate": { USD: "5.00" },
  "shipping.freeOver": { USD: "100.00" },
  "tax.rate": 0,
  "inventory.lowStockThreshold": 5,
  "checkout.holdMinutes": 30,
};

export type SettingChange = { [K in SettingKey]: { key: K; value: Settings[K] } }[SettingKey];

/** `admin.settings.set`'s input: a known key and a value that key's schema accepts (errors under `value`). */
export const setSettingInput = z.object({ key: settingKey, value: z.json() }).transform((input, ctx): SettingChange => {
  const parsed = settingSchemas[input.key].safeParse(input.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["value", ...issue.path] });
    return z.NEVER;
  }
  return { key: input.key, value: parsed.data } as SettingChange;
});

/** A rule that spans keys, broken in `settings`: which keys it involves and why. */
export interface SettingsProblem {
  keys: SettingKey[];
  message: string;
}

/** The rules between keys (each key's own rules are its schema). */
export function crossKeyProblems(settings: Settings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const currencies = settings["store.currencies"];
  if (!currencies.includes(settings["store.currency"])) {
    problems.push({
      keys: ["store.currency", "store.currencies"],
      message: `the default currency ${settings["store.currency"]} must be one of store.currencies (${currencies.join(", ")})`,
    });
  }
  const methods = settings["shipping.methods"];
  if (methods.length) {
    const missing = currencies.filter((currency) => !methods.some((method) => method.price[currency] !== undefined));
    if (missing.length) {
      problems.push({
        keys: ["shipping.methods", "store.currencies"],
        message: `shipping.methods needs a method priced in every currency sold in; missing: ${missing.join(", ")}`,
      });
    }
    return problems;
  }
  for (const key of ["shipping.flatRate", "shipping.freeOver"] as const) {
    const missing = currencies.filter((currency) => settings[key][currency] === undefined);
    if (missing.length) {
      problems.push({
        keys: [key, "store.currencies", "shipping.methods"],
        message: `${key} needs an amount for every currency sold in (while shipping.methods is empty); missing: ${missing.join(", ")}`,
      });
    }
  }
  return problems;
}
