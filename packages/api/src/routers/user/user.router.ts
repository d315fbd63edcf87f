import { TRPCError } from "@trpc/server";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { userSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { updateUserInput } from "./user.schema";

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) =>
    ctx.db.user.findUniqueOrThrow({ where: { id: ctx.session.user.id }, select: userSelect }),
  ),

  update: protectedProcedure.input(updateUserInput).mutation(async ({ ctx, input }) => {
    let passwordHash: string | undefined;
    if (input.newPassword) {
      const current = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.session.user.id }, select: { password: true } });
      if (!current.password || !(await verifyPassword(current.password, input.currentPassword ?? ""))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Current password is wrong" });
      }
      passwordHash = await hashPassword(input.newPassword);
    }
    return ctx.db.user.update({
      where: { id: ctx.session.user.id },
      data: { name: input.name, image: input.image, password: passwordHash },
      select: userSelect,
    });
  }),
});
