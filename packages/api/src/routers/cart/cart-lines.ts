import { Prisma, type PrismaClient } from "@shop/db";
import type { cartLineSelect } from "../../lib/selects";
import { ownerColumn, type CartOwner } from "./guest-cart";

export type CartLine = Prisma.CartItemGetPayload<{ select: typeof cartLineSelect }>;
type LineRow = Pick<CartLine, "id" | "quantity"> &
  Omit<CartLine["variant"], "inventory" | "product"> & {
    variantId: string;
    onHand: number | null;
    reserved: number | null;
    productId: string;
    productName: string;
    slug: string;
    images: string[];
    status: CartLine["variant"]["product"]["status"];
  };

const orders = {
  // The order the customer added them in (the cart page).
  added: Prisma.sql`c."createdAt", c.id`,
  // Variant id order: checkout holds stock in this order, so two checkouts cannot deadlock.
  variant: Prisma.sql`c."variantId"`,
};

/** A user's cart lines (checkout's reading of the cart); see ownerCartLines. */
export const cartLines = (db: PrismaClient | Prisma.TransactionClient, userId: string, order: keyof typeof orders) => ownerCartLines(db, { userId }, order);

/**
 * An account's or a guest cart's lines in the shape of `cartLineSelect`, in one
 * statement: Prisma's nested select sends four (line, variant, inventory, product),
 * and cart.add and checkout read the cart on every call.
 */
export async function ownerCartLines(db: PrismaClient | Prisma.TransactionClient, owner: CartOwner, order: keyof typeof orders): Promise<CartLine[]> {
  const { column, id } = ownerColumn(owner);
  const rows = await db.$queryRaw<LineRow[]>`
    SELECT c.id, c.quantity, v.id AS "variantId", v.sku, v.name, v.price, v.currency, v."isActive",
           i."onHand", i.reserved, p.id AS "productId", p.name AS "productName", p.slug, p.images, p.status::text AS status
      FROM "CartItem" c
      JOIN "ProductVariant" v ON v.id = c."variantId"
      JOIN "Product" p ON p.id = v."productId"
      LEFT JOIN "Inventory" i ON i."variantId" = v.id
     WHERE c.${column} = ${id}
     ORDER BY ${orders[order]}`;
  return rows.map(({ id, quantity, variantId, onHand, reserved, productId, productName, slug, images, status, ...variant }) => ({
    id,
    quantity,
    variant: {
      ...variant,
      id: variantId,
      inventory: onHand === null || reserved === null ? null : { onHand, reserved },
      product: { id: productId, name: productName, slug, images, status },
    },
  }));
}
