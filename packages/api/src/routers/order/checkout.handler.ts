import { TRPCError } from "@trpc/server";
import { Prisma } from "@shop/db";
import type { ProtectedContext } from "../../context";
import { invalidate } from "../../lib/cached";
import { isStockShortage, notFound } from "../../lib/errors";
import { scheduleExpiry, wakeMailer } from "../../lib/jobs";
import { currencyDigits } from "../../lib/currency";
import { addressSelect, orderSelect } from "../../lib/selects";
import { newId } from "../../lib/sql";
import { readSettings, type ShippingOption } from "../../lib/settings";
import { transactionOptions, withRetries } from "../../lib/transactions";
import { tags } from "../../lib/cache";
import { cartLines, type CartLine } from "../cart/cart-lines";
import { getCart } from "../cart/get-cart";
import type { CheckoutInput } from "./checkout.schema";
import { priceOrder } from "./pricing";

type PlacedOrder = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;
type OrderItem = PlacedOrder["items"][number];
type PlacedRow = Omit<PlacedOrder, "items" | "payments"> & Omit<OrderItem, "id"> & { itemId: string };

/** The order this customer already placed under this key, if any. */
async function findByKey(tx: Prisma.TransactionClient, userId: string, idempotencyKey: string): Promise<PlacedOrder | null> {
  // Raw, and the full read only on a hit: nearly every checkout is a first attempt.
  const [hit] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Order" WHERE "userId" = ${userId} AND "idempotencyKey" = ${idempotencyKey}`;
  return hit ? tx.order.findUniqueOrThrow({ where: { id: hit.id }, select: orderSelect }) : null;
}

/**
 * Turns the cart into an order in one transaction: re-prices every line from the
 * database, snapshots names/SKUs/prices and the address, holds the stock until
 * the order is paid or its hold ends, removes the lines it priced from the cart.
 * The same idempotency key returns the same order.
 *
 * Stock is held by inserting StockReservation rows, whose trigger runs one
 * conditional atomic UPDATE of Inventory.reserved per variant guarded by the
 * `reserved <= onHand` check. That beats SELECT ... FOR UPDATE plus a
 * read-check-write: no window between reading and writing stock, the row lock is
 * held only from the update to commit, and variants are taken in id order so two
 * checkouts cannot deadlock. Under READ COMMITTED a waiting buyer re-reads the
 * committed stock, so oversell is impossible. Payment turns the hold into a SALE
 * in the ledger; expiry or cancellation releases it (lib/orders.ts).
 *
 * Eight statements in all (BEGIN, lock, key, cart, the order's writes, the cart's,
 * the expiry job, COMMIT): Prisma's CPU per statement, not the database, was most
 * of a checkout's cost (21 statements before; scripts/bench/checkout-cpu.ts).
 */
export async function checkout(ctx: ProtectedContext, input: CheckoutInput) {
  const userId = ctx.session.user.id;
  const settings = await readSettings(ctx);

  let purchasedSlugs: string[] = [];
  try {
    const order = await withRetries(() =>
      ctx.db.$transaction(async (tx) => {
        // One checkout per customer at a time: a retried or double-clicked request
        // waits here, then finds the order the first one made.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${userId}))`;
        const existing = await findByKey(tx, userId, input.idempotencyKey);
        if (existing) return existing;

        const lines = await cartLines(tx, userId, "variant");
        const address = input.addressId
          ? await tx.address.findFirst({ where: { id: input.addressId, userId }, select: addressSelect })
          : input.address;
        if (!address) throw notFound("Address");

        const { currency, subtotal, shippingTotal, taxTotal, total, shippingMethod } = priceOrder(
          settings,
          lines,
          { country: address.country, shippingMethod: input.shippingMethod },
          { country: input.addressId ? ["addressId"] : ["address", "country"], shippingMethod: ["shippingMethod"] },
        );
        if (input.expectedTotal !== undefined && !total.equals(input.expectedTotal)) {
          throw new TRPCError({
            code: "CONFLICT",
            message: `The total is now ${total.toFixed(currencyDigits(currency))} ${currency}, not the ${input.expectedTotal} you were shown: check it and place the order again`,
          });
        }
        const placedAt = ctx.clock();
        const expiresAt = new Date(placedAt.getTime() + settings["checkout.holdMinutes"] * 60_000);

        const placed = await placeOrder(tx, lines, {
          userId,
          email: ctx.session.user.email,
          idempotencyKey: input.idempotencyKey,
          note: input.note ?? null,
          currency,
          subtotal,
          shippingTotal,
          taxTotal,
          total,
          shippingMethod,
          placedAt,
          expiresAt,
          address,
        });
        // After the holds, in a statement of its own: the holds may wait on another
        // checkout's stock rows, and the cart lines stay free for the customer meanwhile.
        await removePricedLines(tx, lines, placedAt);
        await scheduleExpiry(tx, placed.id, expiresAt);
        purchasedSlugs = [...new Set(lines.map(({ variant }) => variant.product.slug))];
        return placed;
      }, transactionOptions),
    );
    await invalidate(ctx, [...purchasedSlugs.map(tags.product), tags.analytics]);
    await wakeMailer(ctx.db);
    return order;
  } catch (error) {
    if (isStockShortage(error)) throw await outOfStock(ctx);
    throw error;
  }
}

interface OrderDraft {
  userId: string;
  email: string;
  idempotencyKey: string;
  note: string | null;
  currency: string;
  subtotal: Prisma.Decimal;
  shippingTotal: Prisma.Decimal;
  taxTotal: Prisma.Decimal;
  total: Prisma.Decimal;
  shippingMethod: Pick<ShippingOption, "code" | "name">;
  /** The context's clock: stamps the order, its items, holds, analytics event and notice. */
  placedAt: Date;
  expiresAt: Date;
  // A saved address or one typed at checkout.
  address: { name?: string | null; street: string; street2?: string | null; city: string; state: string; zipCode: string; country: string; phone?: string | null };
}

/**
 * Writes the order, its item snapshots, the stock holds, the analytics event and the
 * customer's notification in one statement, and answers with the order as
 * `orderSelect` reads it (a new order has no payments) instead of reading back what
 * it just wrote. Holds go in in the lines' variant order, which the reservation
 * trigger's stock updates follow.
 */
async function placeOrder(tx: Prisma.TransactionClient, lines: CartLine[], draft: OrderDraft): Promise<PlacedOrder> {
  const { address, placedAt: now } = draft;
  const rows = await tx.$queryRaw<PlacedRow[]>`
    WITH line AS (
      SELECT * FROM unnest(
        ${lines.map((line) => line.variant.id)}::text[],
        ${lines.map((line) => line.variant.product.id)}::text[], ${lines.map((line) => line.variant.product.name)}::text[],
        ${lines.map((line) => line.variant.name)}::text[], ${lines.map((line) => line.variant.sku)}::text[],
        ${lines.map((line) => line.variant.price.toString())}::numeric[], ${lines.map((line) => line.quantity)}::int[]
      ) WITH ORDINALITY AS l("variantId", "productId", "productName", "variantName", sku, "unitPrice", quantity, position)
    ), placed AS (
      INSERT INTO "Order" (id, "userId", email, currency, subtotal, "shippingTotal", "taxTotal", total, "shippingMethodCode", "shippingMethodName",
                           "idempotencyKey", note, "expiresAt",
                           "shipName", "shipStreet", "shipStreet2", "shipCity", "shipState", "shipZipCode", "shipCountry", "shipPhone",
                           "placedAt", "createdAt", "updatedAt")
      SELECT ${newId}, u.id, ${draft.email}, ${draft.currency}, ${draft.subtotal}::numeric, ${draft.shippingTotal}::numeric,
             ${draft.taxTotal}::numeric, ${draft.total}::numeric, ${draft.shippingMethod.code}, ${draft.shippingMethod.name}, ${draft.idempotencyKey}, ${draft.note}::text, ${draft.expiresAt}::timestamp(3),
             COALESCE(${address.name ?? null}::text, u.name, u.email), ${address.street}, ${address.street2 ?? null}::text, ${address.city},
             ${address.state}, ${address.zipCode}, ${address.country}, ${address.phone ?? null}::text,
             ${now}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
        FROM "User" u WHERE u.id = ${draft.userId}
      RETURNING id, number, status::text AS status, email, currency, subtotal, "discountTotal", "shippingTotal", "taxTotal", total,
                "shippingMethodCode", "shippingMethodName",
                "shipName", "shipStreet", "shipStreet2", "shipCity", "shipState", "shipZipCode", "shipCountry",
                "placedAt", "paidAt", "shippedAt", "deliveredAt", "cancelledAt", "expiresAt", "refundedTotal"
    ), items AS (
      INSERT INTO "OrderItem" (id, "orderId", "productId", "variantId", "productName", "variantName", sku, "unitPrice", quantity, "lineTotal", currency, "createdAt")
      SELECT ${newId}, o.id, l."productId", l."variantId", l."productName", l."variantName", l.sku, l."unitPrice", l.quantity,
             l."unitPrice" * l.quantity, o.currency, o."placedAt"
        FROM placed o, line l ORDER BY l.position
      RETURNING id, "productId", "variantId", "productName", "variantName", sku, "unitPrice", quantity, "lineTotal"
    ), held AS (
      INSERT INTO "StockReservation" (id, "orderId", "variantId", quantity, "createdAt")
      SELECT ${newId}, o.id, l."variantId", l.quantity, o."placedAt" FROM placed o, line l ORDER BY l.position
    ), event AS (
      INSERT INTO "AnalyticsEvent" (type, "userId", "orderId", value, "occurredAt")
      SELECT 'ORDER_PLACED', ${draft.userId}, o.id, o.total, o."placedAt" FROM placed o
    ), notice AS (
      INSERT INTO "Notification" (id, "userId", type, title, body, data, "emailStatus", "createdAt")
      SELECT ${newId}, ${draft.userId}, 'ORDER_PLACED', 'Order #' || o.number || ' placed',
             ${`Thank you! We have your order for ${draft.total.toFixed(2)} ${draft.currency}.`}, jsonb_build_object('orderId', o.id), 'PENDING', o."placedAt"
        FROM placed o
    )
    SELECT o.*, i.id AS "itemId", i."productId", i."variantId", i."productName", i."variantName", i.sku, i."unitPrice", i.quantity, i."lineTotal"
      FROM placed o, items i ORDER BY i."variantId"`;
  const placed = rows.map(splitRow);
  // No order row: the session's user no longer exists.
  if (!placed[0]) throw notFound("User");
  return { ...placed[0].order, items: placed.map(({ item }) => item), payments: [] };
}

/** One row of placeOrder's answer: the order's columns and one of its items. */
function splitRow({ itemId, productId, variantId, productName, variantName, sku, unitPrice, quantity, lineTotal, ...order }: PlacedRow) {
  return { order, item: { id: itemId, productId, variantId, productName, variantName, sku, unitPrice, quantity, lineTotal } satisfies OrderItem };
}

/**
 * Takes out of the cart what the order priced, no more: a line added meanwhile
 * stays, and a line whose quantity grew meanwhile keeps the difference. One MERGE
 * rather than a DELETE and an UPDATE: a line changed while it runs is judged again
 * on its new quantity, so it is neither kept whole nor taken twice.
 */
async function removePricedLines(tx: Prisma.TransactionClient, lines: CartLine[], now: Date) {
  await tx.$executeRaw`
    MERGE INTO "CartItem" c
    USING unnest(${lines.map((line) => line.id)}::text[], ${lines.map((line) => line.quantity)}::int[]) AS p(id, quantity) ON c.id = p.id
    WHEN MATCHED AND c.quantity <= p.quantity THEN DELETE
    WHEN MATCHED THEN UPDATE SET quantity = c.quantity - p.quantity, "updatedAt" = ${now}::timestamp(3)`;
}

/** Names the cart lines that can no longer be filled. */
async function outOfStock(ctx: ProtectedContext): Promise<TRPCError> {
  const { items } = await getCart(ctx);
  const short = items.filter((item) => item.available < item.quantity).map((item) => item.variant.sku);
  return new TRPCError({ code: "CONFLICT", message: `Not enough stock for ${short.join(", ") || "an item in the cart"}` });
}
