import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { notFound } from "../../lib/errors";
import { cursor, limit } from "../../lib/schemas";
import { userSelect } from "../../lib/selects";
import { adminProcedure, createTRPCRouter } from "../../trpc";
import { pageArgs, toPage } from "../../lib/pagination";
import { role, setRolesInput } from "./user.schema";

export const adminUserRouter = createTRPCRouter({
  list: adminProcedure
    .input(z.object({ q: z.string().trim().max(200).optional(), role: role.optional(), cursor, limit }).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const items = await ctx.db.user.findMany({
        where: {
          ...(input.role && { roles: { some: { role: input.role } } }),
          ...(input.q && { OR: [{ email: { contains: input.q, mode: "insensitive" } }, { name: { contains: input.q, mode: "insensitive" } }] }),
        },
        select: { ...userSelect, _count: { select: { orders: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        ...pageArgs(input),
      });
      return toPage(items, input.limit);
    }),

  /** Replaces a user's roles. Takes effect on their next request (role checks read the database). */
  setRoles: adminProcedure.input(setRolesInput).mutation(async ({ ctx, input }) => {
    const roles = [...new Set(input.roles)];
    if (input.userId === ctx.session.user.id && !roles.includes("ADMIN")) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot remove your own admin role" });
    }
    const user = await ctx.db.$transaction(async (tx) => {
      const exists = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!exists) throw notFound("User");
      await tx.userRole.deleteMany({ where: { userId: input.userId, role: { notIn: roles } } });
      await tx.userRole.createMany({
        data: roles.map((r) => ({ userId: input.userId, role: r, grantedById: ctx.session.user.id })),
        skipDuplicates: true,
      });
      return tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: userSelect });
    });
    return user;
  }),
});
