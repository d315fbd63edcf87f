import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { password } from "../../lib/schemas";
import { userSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const updateUserInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    image: z.url().max(500).optional(),
    currentPassword: z.string().max(200).optional(),
    newPassword: password.optional(),
  })
  .refine((input) => !input.newPassword || input.currentPassword, {
    message: "current password is required to set a new one",
    path: ["currentPassword"],
  });

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
