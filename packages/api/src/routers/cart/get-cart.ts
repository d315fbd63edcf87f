import { Prisma } from "@shop/db";
import type { Context, ProtectedContext } from "../../context";
import { availableStock } from "../../lib/stock";
import { ownerCartLines } from "./cart-lines";
import type { CartOwner } from "./guest-cart";

/** The signed-in user's cart, priced from the database now (prices in a cart are never trusted). */
export const getCart = (ctx: ProtectedContext) => priceCart(ctx, { userId: ctx.session.user.id });

/** An owner's cart priced from the database now; no owner (a guest who never added) is an empty cart. */
export async function priceCart(ctx: Pick<Context, "db">, owner: CartOwner | null) {
  const lines = owner ? await ownerCartLines(ctx.db, owner, "added") : [];
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
