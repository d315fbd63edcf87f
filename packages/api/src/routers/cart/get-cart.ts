import { Prisma } from "@shop/db";
import type { ProtectedContext } from "../../context";
import { availableStock } from "../../lib/stock";
import { cartLines } from "./cart-lines";

/** The cart, priced from the database now (prices in a cart are never trusted). */
export async function getCart(ctx: ProtectedContext) {
  const lines = await cartLines(ctx.db, ctx.session.user.id, "added");
  const items = lines.map(({ quantity, variant: { inventory, ...variant } }) => {
    const available = availableStock(inventory);
    return {
      quantity,
      variant,
      lineTotal: variant.price.mul(quantity),
      available,
      purchasable: variant.isActive && variant.product.status === "ACTIVE" && available >= quantity,
    };
  });
  const subtotal = items.reduce((sum, item) => sum.add(item.lineTotal), new Prisma.Decimal(0));
  return { items, subtotal, itemCount: items.reduce((sum, item) => sum + item.quantity, 0) };
}
