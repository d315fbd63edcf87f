import { TRPCError } from "@trpc/server";
import { Prisma } from "@shop/db";
import { countryNames } from "../../lib/countries";
import { badInput } from "../../lib/errors";
import { roundMoney } from "../../lib/money";
import { type Settings, shippingOptions } from "../../lib/settings";
import type { CartLine } from "../cart/cart-lines";

/** Where the buyer chooses: the address's country and, optionally, a method (default: the first offered). */
export interface ShippingChoice {
  country: string;
  shippingMethod?: string | undefined;
}

/** Where those two sit in the caller's input, so a refusal lands on the right field. */
export interface ChoiceFields {
  country: PropertyKey[];
  shippingMethod: PropertyKey[];
}

/**
 * An order's money from its cart lines: subtotal, the chosen shipping method's charge,
 * tax (`tax.rate` of the subtotal) and total, each rounded once by the shop's rule,
 * with every method the buyer could choose instead. `order.quote` shows exactly this
 * and `order.checkout` stores exactly this (inside its transaction, from the lines it
 * holds), so the total a customer read is the total charged.
 */
export function priceOrder(settings: Settings, lines: CartLine[], choice: ShippingChoice, fields: ChoiceFields) {
  const currency = lines[0]?.variant.currency;
  if (currency === undefined) throw new TRPCError({ code: "BAD_REQUEST", message: "The cart is empty" });
  const unsellable = lines.filter(({ variant }) => !variant.isActive || variant.product.status !== "ACTIVE");
  if (unsellable.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `No longer for sale: ${unsellable.map(({ variant }) => variant.sku).join(", ")}` });
  }
  if (lines.some(({ variant }) => variant.currency !== currency)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The cart mixes currencies" });
  }

  const subtotal = roundMoney(lines.reduce((sum, line) => sum.add(line.variant.price.mul(line.quantity)), new Prisma.Decimal(0)));
  const shippingMethods = shippingOptions(settings, currency, subtotal, choice.country);
  if (shippingMethods.length === 0) {
    // None for this currency at all is the shop's gap; none for this country, the address's.
    if (shippingOptions(settings, currency, subtotal, null).length === 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `The shop does not ship orders in ${currency}` });
    }
    throw badInput(fields.country, `We don't ship to ${countryNames[choice.country] ?? choice.country} yet`);
  }
  const shippingMethod = shippingMethods.find((method) => method.code === (choice.shippingMethod ?? shippingMethods[0]?.code));
  if (!shippingMethod) throw badInput(fields.shippingMethod, "Choose one of the shipping methods offered for this address");

  const shippingTotal = shippingMethod.price;
  const taxTotal = roundMoney(subtotal.mul(settings["tax.rate"]), currency);
  return { currency, subtotal, shippingTotal, taxTotal, total: subtotal.add(shippingTotal).add(taxTotal), shippingMethod, shippingMethods };
}
