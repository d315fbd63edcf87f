import { z } from "zod";
import { addressInput, id, money } from "../../lib/schemas";
import { shippingMethodCode } from "./quote.schema";

export const checkoutInput = z
  .object({
    /** Chosen by the client once per checkout attempt; the same key returns the same order. */
    idempotencyKey: z.string().trim().min(8).max(100),
    addressId: id.optional(),
    address: addressInput.optional(),
    /** A code of `shipping.methods` offered for the address; absent: the first one offered. */
    shippingMethod: shippingMethodCode.optional(),
    /** The total the customer was shown (`order.quote`): if the order would cost anything else, it is not placed. */
    expectedTotal: money.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((input) => Boolean(input.addressId) !== Boolean(input.address), {
    message: "Choose a saved address or enter a new one",
    path: ["addressId"],
  });

export type CheckoutInput = z.infer<typeof checkoutInput>;
