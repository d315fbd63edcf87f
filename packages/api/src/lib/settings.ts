import { Prisma } from "@shop/db";
import type { Context } from "../context";
import { tags } from "../middleware/cache";

/** Settings the code reads, with their defaults when the row is absent. */
export const settingDefaults = {
  "store.name": "Shop",
  "store.currency": "USD",
  "shipping.flatRate": 5,
  "shipping.freeOver": 100,
  "tax.rate": 0,
  "inventory.lowStockThreshold": 5,
  // How long checkout holds stock for an unpaid order before it expires.
  "checkout.holdMinutes": 30,
} as const;

export type SettingKey = keyof typeof settingDefaults;

/** All settings, defaults filled in (cached, invalidated by admin.settings.set). */
export function readSettings(ctx: Pick<Context, "db" | "cache">) {
  return ctx.cache.getOrSet({
    key: "settings:all",
    tags: [tags.settings],
    factory: async () => {
      const rows = await ctx.db.setting.findMany({ select: { key: true, value: true } });
      return { ...settingDefaults, ...Object.fromEntries(rows.map((row) => [row.key, row.value])) } as Record<string, Prisma.JsonValue>;
    },
  });
}

export function numberSetting(settings: Record<string, Prisma.JsonValue>, key: SettingKey): number {
  const value = settings[key];
  return typeof value === "number" ? value : Number(settingDefaults[key]);
}
