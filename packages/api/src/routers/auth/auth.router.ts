import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { hashPassword } from "../../lib/passwords";
import { email, password } from "../../lib/schemas";
import { userSelect } from "../../lib/selects";
import { createTRPCRouter, publicProcedure } from "../../trpc";

export const registerInput = z.object({ email, password, name: z.string().trim().min(1).max(120) });

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
