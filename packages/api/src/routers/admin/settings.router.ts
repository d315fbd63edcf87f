import { z } from "zod";
import type { SettingType } from "@shop/db";
import { invalidate } from "../../lib/cached";
import { readSettings } from "../../lib/settings";
import { tags } from "../../middleware/cache";
import { adminProcedure, createTRPCRouter } from "../../trpc";
import { setSettingInput, settingKey } from "./settings.schema";


function typeOf(value: unknown): SettingType {
  if (typeof value === "string") return "STRING";
  if (typeof value === "number") return "NUMBER";
  if (typeof value === "boolean") return "BOOLEAN";
  return "JSON";
}

export const adminSettingsRouter = createTRPCRouter({
  /** Every setting the shop reads, defaults included. */
  list: adminProcedure.query(({ ctx }) => readSettings(ctx)),

  set: adminProcedure.input(setSettingInput).mutation(async ({ ctx, input }) => {
    const type = typeOf(input.value);
    const value = input.value as NonNullable<typeof input.value>;
    const setting = await ctx.db.setting.upsert({
      where: { key: input.key },
      create: { key: input.key, type, value, updatedById: ctx.session.user.id },
      update: { type, value, updatedById: ctx.session.user.id },
      select: { key: true, type: true, value: true, updatedAt: true },
    });
    await invalidate(ctx, [tags.settings]);
    return setting;
  }),

  delete: adminProcedure.input(z.object({ key: settingKey })).mutation(async ({ ctx, input }) => {
    await ctx.db.setting.deleteMany({ where: { key: input.key } });
    await invalidate(ctx, [tags.settings]);
    return { key: input.key };
  }),
});
