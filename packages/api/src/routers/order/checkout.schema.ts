import { z } from "zod";
import { addressInput, id } from "../../lib/schemas";

export const checkoutInput = z
  .object({
    /** Chosen by the client once per checkout attempt; the same key returns the same order. */
    idempotencyKey: z.string().trim().min(8).max(100),
    addressId: id.optional(),
    address: addressInput.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((input) => Boolean(input.addressId) !== Boolean(input.address), {
    message: "Choose a saved address or enter a new one",
    path: ["addressId"],
  });

export type CheckoutInput = z.infer<typeof checkoutInput>;
