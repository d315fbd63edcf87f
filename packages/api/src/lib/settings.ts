import { TRPCError } from "@trpc/server";
import { logger, Prisma } from "@shop/db";
import type { Context } from "../context";
import { tags } from "./cache";
import { badInput } from "./errors";
import { tooPreciseFor } from "./currency";
import { roundMoney } from "./money";
import { crossKeyProblems, type SettingKey, settingDefaults, type Settings, settingSchemas } from "./settings.schema";

export { settingDefaults, type SettingKey, type Settings } from "./settings.schema";

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

/**
 * Shipping for an order in `currency` with this subtotal: free from `shipping.freeOver`,
 * else `shipping.flatRate`, both the amounts set for that currency (amounts are never
 * converted between currencies). BAD_REQUEST when the shop has no shipping amounts
 * in that currency (it does not sell in it).
 */
export function shippingFor(settings: Settings, currency: string, subtotal: Prisma.Decimal): Prisma.Decimal {
  const flatRate = settings["shipping.flatRate"][currency];
  const freeOver = settings["shipping.freeOver"][currency];
  if (flatRate === undefined || freeOver === undefined) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The shop does not ship orders in ${currency}` });
  }
  return subtotal.gte(freeOver) ? new Prisma.Decimal(0) : roundMoney(flatRate, currency);
}
