import { TRPCError } from "@trpc/server";
import { Prisma } from "@shop/db";
import type { ProtectedContext } from "../../context";
import { invalidate } from "../../lib/cached";
import { isStockShortage, notFound } from "../../lib/errors";
import { scheduleExpiry } from "../../lib/jobs";
import { roundMoney } from "../../lib/money";
import { cartLineSelect, orderSelect } from "../../lib/selects";
import { readSettings, shippingFor } from "../../lib/settings";
import { transactionOptions, withRetries } from "../../lib/transactions";
import { tags } from "../../lib/cache";
import { getCart } from "../cart/get-cart";
import type { CheckoutInput } from "./checkout.schema";

const findByKey = (ctx: ProtectedContext, idempotencyKey: string) =>
  ctx.db.order.findUnique({
    where: { userId_idempotencyKey: { userId: ctx.session.user.id, idempotencyKey } },
    select: orderSelect,
  });

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
 */
export async function checkout(ctx: ProtectedContext, input: CheckoutInput) {
  const userId = ctx.session.user.id;
  const previous = await findByKey(ctx, input.idempotencyKey);
  if (previous) return previous;
  const settings = await readSettings(ctx);

  let purchasedSlugs: string[] = [];
  try {
    const order = await withRetries(() =>
      ctx.db.$transaction(async (tx) => {
        // One checkout per customer at a time: a retried or double-clicked request
        // waits here, then finds the order the first one made.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${userId}))`;
        const existing = await tx.order.findUnique({
          where: { userId_idempotencyKey: { userId, idempotencyKey: input.idempotencyKey } },
          select: orderSelect,
        });
        if (existing) return existing;

        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
        const lines = await tx.cartItem.findMany({ where: { userId }, orderBy: { variantId: "asc" }, select: cartLineSelect });
        if (lines.length === 0) throw new TRPCError({ code: "BAD_REQUEST", message: "The cart is empty" });
        const unsellable = lines.filter(({ variant }) => !variant.isActive || variant.product.status !== "ACTIVE");
        if (unsellable.length) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: `No longer for sale: ${unsellable.map(({ variant }) => variant.sku).join(", ")}`,
          });
        }
        const currency = lines[0]?.variant.currency ?? "USD";
        if (lines.some(({ variant }) => variant.currency !== currency)) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "The cart mixes currencies" });
        }

        const address = input.addressId
          ? await tx.address.findFirst({ where: { id: input.addressId, userId } })
          : input.address;
        if (!address) throw notFound("Address");

        const subtotal = roundMoney(lines.reduce((sum, line) => sum.add(line.variant.price.mul(line.quantity)), new Prisma.Decimal(0)));
        const shippingTotal = shippingFor(settings, currency, subtotal);
        const taxTotal = roundMoney(subtotal.mul(settings["tax.rate"]), currency);
        const total = subtotal.add(shippingTotal).add(taxTotal);
        const expiresAt = new Date(ctx.clock().getTime() + settings["checkout.holdMinutes"] * 60_000);

        const created = await tx.order.create({
          data: {
            userId,
            email: ctx.session.user.email,
            idempotencyKey: input.idempotencyKey,
            currency,
            subtotal,
            shippingTotal,
            taxTotal,
            total,
            note: input.note,
            expiresAt,
            shipName: address.name ?? user.name ?? user.email,
            shipStreet: address.street,
            shipStreet2: address.street2,
            shipCity: address.city,
            shipState: address.state,
            shipZipCode: address.zipCode,
            shipCountry: address.country,
            shipPhone: address.phone,
            items: {
              create: lines.map(({ quantity, variant }) => ({
                productId: variant.product.id,
                variantId: variant.id,
                productName: variant.product.name,
                variantName: variant.name,
                sku: variant.sku,
                unitPrice: variant.price,
                quantity,
                lineTotal: variant.price.mul(quantity),
                currency,
              })),
            },
          },
          select: { id: true, number: true },
        });
        await tx.stockReservation.createMany({
          data: lines.map(({ quantity, variant }) => ({ orderId: created.id, variantId: variant.id, quantity })),
        });
        await scheduleExpiry(tx, created.id, expiresAt);
        await removePricedLines(tx, lines);
        await tx.analyticsEvent.create({ data: { type: "ORDER_PLACED", userId, orderId: created.id, value: total } });
        await tx.notification.create({
          data: {
            userId,
            type: "ORDER_PLACED",
            title: `Order #${created.number} placed`,
            body: `Thank you! We have your order for ${total.toFixed(2)} ${currency}.`,
            data: { orderId: created.id },
            emailStatus: "PENDING",
          },
        });
        purchasedSlugs = [...new Set(lines.map(({ variant }) => variant.product.slug))];
        // Read back on the transaction's own connection: after commit, a busy pool could
        // refuse a fresh one and hide a placed order behind a 429.
        return tx.order.findUniqueOrThrow({ where: { id: created.id }, select: orderSelect });
      }, transactionOptions),
    );
    await invalidate(ctx, [...purchasedSlugs.map(tags.product), tags.analytics]);
    return order;
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its order.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findByKey(ctx, input.idempotencyKey);
      if (winner) return winner;
    }
    if (isStockShortage(error)) throw await outOfStock(ctx);
    throw error;
  }
}

/**
 * Takes out of the cart what the order priced, no more: a line added meanwhile
 * stays, and a line whose quantity grew meanwhile keeps the difference.
 */
async function removePricedLines(tx: Prisma.TransactionClient, lines: { id: string; quantity: number }[]) {
  for (const line of lines) {
    const { count } = await tx.cartItem.deleteMany({ where: { id: line.id, quantity: { lte: line.quantity } } });
    if (!count) await tx.cartItem.updateMany({ where: { id: line.id, quantity: { gt: line.quantity } }, data: { quantity: { decrement: line.quantity } } });
  }
}

/** Names the cart lines that can no longer be filled. */
async function outOfStock(ctx: ProtectedContext): Promise<TRPCError> {
  const { items } = await getCart(ctx);
  const short = items.filter((item) => item.available < item.quantity).map((item) => item.variant.sku);
  return new TRPCError({ code: "CONFLICT", message: `Not enough stock for ${short.join(", ") || "an item in the cart"}` });
}
