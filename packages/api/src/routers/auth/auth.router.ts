import { TRPCError } from "@trpc/server";
import { hashPassword } from "../../lib/passwords";
import { userSelect } from "../../lib/selects";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { registerInput } from "./register.schema";

export const authRouter = createTRPCRouter({
  /** Creates a customer account; signing in is Auth.js's credentials provider (lib/auth). */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    const existing = await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new TRPCError({ code: "CONFLICT", message: "An account with this e-mail already exists" });
    return ctx.db.user.create({
      data: { email: input.email, name: input.name, password: await hashPassword(input.password), roles: { create: { role: "CUSTOMER" } } },
      select: userSelect,
    });
  }),
});
