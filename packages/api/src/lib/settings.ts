import { logger, Prisma } from "@shop/db";
import type { Context } from "../context";
import { tags } from "./cache";
import { badInput } from "./errors";
import { tooPreciseFor } from "./currency";
import { roundMoney } from "./money";
import { crossKeyProblems, type SettingKey, settingDefaults, type Settings, settingSchemas, type ShippingMethod } from "./settings.schema";

export { settingDefaults, type SettingKey, type Settings, type ShippingMethod } from "./settings.schema";

const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(settingSchemas, key);

/**
 * Stored rows validated by the same schemas as `admin.settings.set`, over the defaults.
 * A row that no longer validates (written before a rule existed, or by hand) falls
 * back to the default and is logged, so a bad row never breaks a read or a checkout.
 */
export function settingsFromRows(rows: { key: string; value: Prisma.JsonValue }[]): Settings {
  const settings: Record<string, unknown> = { ...settingDefaults };
  for (const row of rows) {
    if (!isSettingKey(row.key)) {
      logger.warn({ key: row.key }, "ignoring a stored setting the shop does not have");
      continue;
    }
    const parsed = settingSchemas[row.key].safeParse(row.value);
    if (parsed.success) settings[row.key] = parsed.data;
    else logger.warn({ key: row.key, issues: parsed.error.issues }, "stored setting is invalid: using its default");
  }
  return settings as Settings;
}

/** All settings, validated, defaults filled in (cached, invalidated by admin.settings.set/delete). */
export function readSettings(ctx: Pick<Context, "db" | "cache">): Promise<Settings> {
  return ctx.cache.getOrSet({
    // v2: validated, amounts per currency; an entry cached by older code has another shape.
    key: "settings:v2",
    tags: [tags.settings],
    factory: async () => settingsFromRows(await ctx.db.setting.findMany({ select: { key: true, value: true } })),
  });
}

/**
 * Refuses a change (`key` about to hold `settings[key]`) that breaks a rule between
 * keys, e.g. a default currency outside `store.currencies`, or a currency sold in
 * without shipping amounts. The error sits on `field` of the input.
 */
export function assertConsistent(settings: Settings, key: SettingKey, field: "key" | "value") {
  const problem = crossKeyProblems(settings).find((candidate) => candidate.keys.includes(key));
  if (problem) throw badInput([field], problem.message);
}

/**
 * Refuses a currency the shop does not sell in (not in `store.currencies`), or a price
 * finer than the currency's minor unit (JPY 10.50); the error names the input field
 * under `path` (`currency`, or the price's own field).
 */
export function assertPricing(settings: Settings, currency: string, prices: Record<string, string | null | undefined>, path: PropertyKey[] = []) {
  const currencies = settings["store.currencies"];
  if (!currencies.includes(currency)) {
    throw badInput([...path, "currency"], `${currency} is not one of the shop's currencies (${currencies.join(", ")}); add it to store.currencies first`);
  }
  for (const [field, price] of Object.entries(prices)) {
    const problem = price ? tooPreciseFor(price, currency) : null;
    if (problem) throw badInput([...path, field], problem);
  }
}

/** A shipping method as offered for one order: what it charges that order, in its currency. */
export interface ShippingOption {
  code: string;
  name: string;
  estimate: string | null;
  /** What this order pays for it: 0 from `freeOver`. */
  price: Prisma.Decimal;
  /** The subtotal from which it ships free, if it does. */
  freeOver: Prisma.Decimal | null;
}

/** While `shipping.methods` is empty, the shop ships the way it did before it had methods. */
const legacyMethods = (settings: Settings): ShippingMethod[] => [
  { code: "standard", name: "Standard", price: settings["shipping.flatRate"], freeOver: settings["shipping.freeOver"] },
];

/**
 * The methods an order in `currency` with this subtotal, shipped to `country`, may
 * use, in the settings' order, each with what it charges: free from its threshold,
 * else its price in that currency (amounts are never converted between currencies).
 * A method without a price in the currency, or limited to other countries, is left out
 * (`country` null: whatever the country).
 */
export function shippingOptions(settings: Settings, currency: string, subtotal: Prisma.Decimal, country: string | null): ShippingOption[] {
  const methods = settings["shipping.methods"].length ? settings["shipping.methods"] : legacyMethods(settings);
  return methods.flatMap((method) => {
    const price = method.price[currency];
    if (price === undefined || (country !== null && method.countries && !method.countries.includes(country))) return [];
    const freeOver = method.freeOver?.[currency];
    return {
      code: method.code,
      name: method.name,
      estimate: method.estimate ?? null,
      price: freeOver !== undefined && subtotal.gte(freeOver) ? new Prisma.Decimal(0) : roundMoney(price, currency),
      freeOver: freeOver === undefined ? null : roundMoney(freeOver, currency),
    };
  });
}
