import { z } from "zod";
import { cursor, id, limit } from "../../lib/schemas";
import { createTRPCRouter, protectedProcedure } from "../../trpc";
import { pageArgs, toPage } from "../../lib/pagination";

const notificationSelect = { id: true, type: true, title: true, body: true, data: true, read: true, readAt: true, createdAt: true } as const;

export const notificationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ unreadOnly: z.boolean().default(false), cursor, limit }).default({ unreadOnly: false, limit: 20 }))
    .query(async ({ ctx, input }) => {
      const where = { userId: ctx.session.user.id, ...(input.unreadOnly && { read: false }) };
      const [items, unread] = await Promise.all([
        ctx.db.notification.findMany({
          where,
          select: notificationSelect,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          ...pageArgs(input),
        }),
        ctx.db.notification.count({ where: { userId: ctx.session.user.id, read: false } }),
      ]);
      return { ...toPage(items, input.limit), unread };
    }),

  /** Marks the given notifications (or, with no ids, all of the caller's) read. */
  markRead: protectedProcedure
    .input(z.object({ ids: z.array(id).min(1).max(100).optional() }).default({}))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.notification.updateMany({
        where: { userId: ctx.session.user.id, read: false, ...(input.ids && { id: { in: input.ids } }) },
        data: { read: true, readAt: new Date() },
      });
      return { updated: count };
    }),
});
