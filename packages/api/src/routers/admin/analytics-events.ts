import { z } from "zod";

export const analyticsEventInput = z.object({
  type: z.enum(["PAGE_VIEW", "PRODUCT_VIEW", "SEARCH", "ADD_TO_CART", "CHECKOUT_STARTED", "ORDER_PLACED"]),
  occurredAt: z.coerce.date(),
  sessionId: z.string().max(100).optional(),
  productId: z.string().max(64).optional(),
  value: z.string().regex(/^\d{1,10}(\.\d{1,2})?$/).optional(),
  metadata: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});
