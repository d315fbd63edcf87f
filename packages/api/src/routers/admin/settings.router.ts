import { z } from "zod";
import type { Prisma, SettingType } from "@shop/db";
import { invalidate } from "../../lib/cached";
import { assertConsistent, readSettings, settingDefaults, settingsFromRows } from "../../lib/settings";
import { setSettingInput, settingKey, type Settings } from "../../lib/settings.schema";
import { tags } from "../../lib/cache";
import { adminProcedure, createTRPCRouter } from "../../trpc";

function typeOf(value: unknown): SettingType {
  if (typeof value === "string") return "STRING";
  if (typeof value === "number") return "NUMBER";
  if (typeof value === "boolean") return "BOOLEAN";
  return "JSON";
}

/**
 * The settings as stored, read inside the transaction after taking the settings lock:
 * rules between keys are checked against what is committed, and two admins changing
 * related keys at once cannot both pass the check.
 */
async function lockedSettings(tx: Prisma.TransactionClient): Promise<Settings> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('Setting'))`;
  return settingsFromRows(await tx.setting.findMany({ select: { key: true, value: true } }));
}

const settingSelect = { key: true, type: true, value: true, updatedAt: true } as const;

export const adminSettingsRouter = createTRPCRouter({
  /** Every setting the shop has, validated, defaults included. */
  list: adminProcedure.query(({ ctx }) => readSettings(ctx)),

  /** Sets one known key to a value its schema accepts and that keeps the rules between keys. */
  set: adminProcedure.input(setSettingInput).mutation(async ({ ctx, input }) => {
    const type = typeOf(input.value);
    const setting = await ctx.db.$transaction(async (tx) => {
      assertConsistent({ ...(await lockedSettings(tx)), [input.key]: input.value }, input.key, "value");
      return tx.setting.upsert({
        where: { key: input.key },
        create: { key: input.key, type, value: input.value, updatedById: ctx.session.user.id },
        update: { type, value: input.value, updatedById: ctx.session.user.id },
        select: settingSelect,
      });
    });
    await invalidate(ctx, [tags.settings]);
    return setting;
  }),

  /** Puts a key back to its default, unless that breaks a rule between keys. */
  delete: adminProcedure.input(z.object({ key: settingKey })).mutation(async ({ ctx, input }) => {
    await ctx.db.$transaction(async (tx) => {
      assertConsistent({ ...(await lockedSettings(tx)), [input.key]: settingDefaults[input.key] }, input.key, "key");
      await tx.setting.deleteMany({ where: { key: input.key } });
    });
    await invalidate(ctx, [tags.settings]);
    return { key: input.key };
  }),
});
