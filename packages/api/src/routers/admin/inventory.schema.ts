import { z } from "zod";
import { id } from "../../lib/schemas";

/** The reasons staff may give; SALE, CANCELLATION and INITIAL rows come from the system. */
export const stockAdjustmentReason = z.enum(["RESTOCK", "ADJUSTMENT", "DAMAGE", "RETURN"]);

export const adjustInventoryInput = z.object({
  variantId: id,
  delta: z.number().int().min(-100_000).max(100_000).refine((n) => n !== 0, "Enter a change other than zero"),
  reason: stockAdjustmentReason,
  note: z.string().trim().max(500).optional(),
  lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
});
