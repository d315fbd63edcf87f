import { z } from "zod";
import { countryCode } from "../../lib/countries";

/** A code of `shipping.methods` (whether it is offered is the handler's to say, with a field error). */
export const shippingMethodCode = z.string().trim().min(1, "Choose a shipping method").max(40);

export const quoteInput = z.object({
  /** The shipping address's country: methods may be limited to some countries. */
  country: countryCode,
  /** Absent: the first method offered. */
  shippingMethod: shippingMethodCode.optional(),
});

export type QuoteInput = z.infer<typeof quoteInput>;
