import { TRPCError } from "@trpc/server";
import { wakeMailer } from "../../lib/jobs";
import { limiter, throttle } from "../../lib/limiter";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { userSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { passwordChanged } from "../auth/account-mail";
import { updateUserInput } from "./user.schema";

/** Current-password checks per user: a stolen session must not become a password oracle. */
export const passwordChangeLimit = { name: "password-change", points: 5, durationSec: 15 * 60 } as const;

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.session.user.id }, select: userSelect }),
  ),

  update: protectedProcedure.input(updateUserInput).mutation(async ({ ctx, input }) => {
    let passwordHash: string | undefined;
    if (input.newPassword) {
      await throttle(limiter(ctx.redis, passwordChangeLimit), ctx.session.user.id, "password changes");
      const current = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.session.user.id }, select: { password: true } });
      if (!(await verifyPassword(current.password, input.currentPassword ?? ""))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Current password is wrong" });
      }
      passwordHash = await hashPassword(input.newPassword);
    }
    if (!passwordHash) return ctx.db.user.update({ where: { id: ctx.session.user.id }, data: { name: input.name, image: input.image }, select: userSelect });
    // Every session of the account ends with the old password (@shop/auth); the storefront signs this one in again.
    const user = await ctx.db.$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: ctx.session.user.id }, data: { name: input.name, image: input.image, password: passwordHash }, select: userSelect });
      await passwordChanged(tx, updated.id, ctx.clock());
      return updated;
    });
    await wakeMailer(ctx.db);
    return user;
  }),
});
