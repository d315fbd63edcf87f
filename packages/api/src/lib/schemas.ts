import { z } from "zod";
import { countryCode } from "./countries";
import { humanError } from "./messages";

// Every input schema imports this file, so the messages are in place wherever one parses.
z.config({ customError: humanError });

// Shared input pieces, so the API and the apps' forms validate alike.
export const id = z.string().trim().min(1).max(64);
export const slug = z.string().trim().min(1).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters and digits joined by hyphens, like summer-shirt");
export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const password = z.string().min(8).max(200);
/** A money amount as a string or number with at most 2 decimals, 0..9,999,999,999.99. */
export const money = z
  .union([z.string(), z.number()], { error: "Enter an amount like 12.50" })
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "Enter an amount like 12.50 (no minus sign, at most 2 decimals)"));
/** A currency code; whether the shop sells in it is a setting (`store.currencies`), checked by the handlers. */
export const currency = z.string().regex(/^[A-Z]{3}$/, "Enter a 3-letter currency code, like USD");
export const quantity = z.number().int().min(1).max(1_000);
export const limit = z.number().int().min(1).max(100).default(20);
export const cursor = z.string().max(200).optional();
export const addressInput = z.object({
  name: z.string().trim().max(120).optional(),
  street: z.string().trim().min(1).max(200),
  street2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(120),
  state: z.string().trim().min(1).max(120),
  zipCode: z.string().trim().min(1).max(20),
  country: countryCode.default("US"),
  phone: z.string().trim().max(40).optional(),
});
export const dateRange = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((range) => range.from <= range.to, { message: "The start date can't be after the end date", path: ["from"] });
