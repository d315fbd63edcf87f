import { z } from "zod";
import { invalidate } from "../../lib/cached";
import { notFound } from "../../lib/errors";
import { cursor, id, limit } from "../../lib/schemas";
import { tags } from "../../lib/cache";
import { createTRPCRouter, staffProcedure } from "../../trpc";
import { adjustInventoryInput } from "./inventory.schema";
import { pageArgs, toPage } from "../../lib/pagination";

const inventorySelect = {
  variantId: true,
  onHand: true,
  reserved: true,
  lowStockThreshold: true,
  updatedAt: true,
  variant: { select: { sku: true, name: true, product: { select: { id: true, name: true, slug: true } } } },
} as const;

export const adminInventoryRouter = createTRPCRouter({
  /** Stock levels; `lowStock` keeps those at or below their threshold (the reorder view). */
  list: staffProcedure
    .input(z.object({ lowStock: z.boolean().default(false), cursor, limit }).default({ lowStock: false, limit: 20 }))
    .query(async ({ ctx, input }) => {
      const items = await ctx.db.inventory.findMany({
        where: input.lowStock ? { onHand: { lte: ctx.db.inventory.fields.lowStockThreshold } } : {},
        select: inventorySelect,
        orderBy: [{ onHand: "asc" }, { variantId: "asc" }],
        ...pageArgs(input, "variantId"),
      });
      return toPage(items, input.limit, "variantId");
    }),

  /**
   * Moves stock by `delta` with a reason, through the ledger: the ledger row and the
   * stock change are one statement, so stock on hand always equals the ledger's sum.
   * Taking more than is on hand is a CONFLICT.
   */
  adjust: staffProcedure
    .input(adjustInventoryInput)
    .mutation(async ({ ctx, input }) => {
      const variant = await ctx.db.productVariant.findUnique({ where: { id: input.variantId }, select: { product: { select: { slug: true } } } });
      if (!variant) throw notFound("Variant");
      await ctx.db.$transaction(async (tx) => {
        await tx.inventoryTransaction.create({
          data: { variantId: input.variantId, delta: input.delta, reason: input.reason, note: input.note, actorId: ctx.session.user.id },
        });
        if (input.lowStockThreshold !== undefined) {
          await tx.inventory.update({ where: { variantId: input.variantId }, data: { lowStockThreshold: input.lowStockThreshold } });
        }
      });
      await invalidate(ctx, [tags.product(variant.product.slug)]);
      return ctx.db.inventory.findUniqueOrThrow({ where: { variantId: input.variantId }, select: inventorySelect });
    }),

  ledger: staffProcedure.input(z.object({ variantId: id, limit })).query(({ ctx, input }) =>
    ctx.db.inventoryTransaction.findMany({
      where: { variantId: input.variantId },
      orderBy: { id: "desc" },
      take: input.limit,
      select: { id: true, delta: true, reason: true, note: true, orderId: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
    }),
  ),
});
