import type { ProtectedContext } from "../../context";
import { readSettings } from "../../lib/settings";
import { cartLines } from "../cart/cart-lines";
import { priceOrder } from "./pricing";
import type { QuoteInput } from "./quote.schema";

/**
 * What placing the order now would charge, from the customer's cart, the address's
 * country and the chosen method, computed by checkout's own `priceOrder`. Nothing is
 * written and no stock is held: checkout re-prices inside its transaction and, given
 * the quoted total as `expectedTotal`, refuses to charge anything else.
 */
export async function quote(ctx: ProtectedContext, input: QuoteInput) {
  const [settings, lines] = await Promise.all([readSettings(ctx), cartLines(ctx.db, ctx.session.user.id, "added")]);
  const priced = priceOrder(settings, lines, input, { country: ["country"], shippingMethod: ["shippingMethod"] });
  return {
    ...priced,
    lines: lines.map(({ quantity, variant }) => ({
      variantId: variant.id,
      sku: variant.sku,
      productName: variant.product.name,
      variantName: variant.name,
      quantity,
      unitPrice: variant.price,
      lineTotal: variant.price.mul(quantity),
    })),
  };
}
