import { z } from "zod";
import type { OrderStatus } from "@shop/db";
import { orderTransitions, staffOrderMoves } from "../../lib/lifecycle";
import { id, money } from "../../lib/schemas";

// Derived from the state machine's table, which is typed over every OrderStatus.
export const orderStatus = z.enum(Object.keys(orderTransitions) as [OrderStatus, ...OrderStatus[]]);

/** Only the moves staff make by hand; PAID, EXPIRED and REFUNDED follow from money. */
export const updateOrderStatusInput = z.object({ id, status: z.enum(staffOrderMoves) });

export const refundOrderInput = z.object({
  id,
  /** Omitted: everything still refundable. */
  amount: money.optional(),
  reason: z.string().trim().max(200).optional(),
});
