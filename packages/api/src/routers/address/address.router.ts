import { z } from "zod";
import { notFound } from "../../lib/errors";
import { addressInput, id } from "../../lib/schemas";
import { addressSelect } from "../../lib/selects";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { addressCreateInput } from "./address.schema";

export const addressRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) =>
    ctx.db.address.findMany({ where: { userId: ctx.session.user.id }, select: addressSelect, orderBy: { createdAt: "asc" } }),
  ),

  create: protectedProcedure
    .input(addressCreateInput)
    .mutation(async ({ ctx, input: { makeDefault, ...address } }) => {
      const userId = ctx.session.user.id;
      return ctx.db.$transaction(async (tx) => {
        const hasDefault = await tx.address.count({ where: { defaultForUserId: userId } });
        if (makeDefault || !hasDefault) await tx.address.updateMany({ where: { defaultForUserId: userId }, data: { defaultForUserId: null } });
        return tx.address.create({
          data: { ...address, userId, defaultForUserId: makeDefault || !hasDefault ? userId : null },
          select: addressSelect,
        });
      });
    }),

  update: protectedProcedure.input(addressInput.extend({ country: addressInput.shape.country.unwrap() }).partial().extend({ id })).mutation(async ({ ctx, input: { id, ...data } }) => {
    const { count } = await ctx.db.address.updateMany({ where: { id, userId: ctx.session.user.id }, data });
    if (!count) throw notFound("Address");
    return ctx.db.address.findUniqueOrThrow({ where: { id }, select: addressSelect });
  }),

  setDefault: protectedProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const userId = ctx.session.user.id;
    return ctx.db.$transaction(async (tx) => {
      const address = await tx.address.findFirst({ where: { id: input.id, userId }, select: { id: true } });
      if (!address) throw notFound("Address");
      await tx.address.updateMany({ where: { defaultForUserId: userId }, data: { defaultForUserId: null } });
      return tx.address.update({ where: { id: address.id }, data: { defaultForUserId: userId }, select: addressSelect });
    });
  }),

  delete: protectedProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.db.address.deleteMany({ where: { id: input.id, userId: ctx.session.user.id } });
    if (!count) throw notFound("Address");
    return { id: input.id };
  }),
});
