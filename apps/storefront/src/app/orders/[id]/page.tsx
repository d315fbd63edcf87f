import { formatDateTime, formatMoney } from "@shop/web/format";
import { OrderItemsTable } from "@shop/web/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "~/lib/not-found";
import { stripePublishableKey } from "~/lib/payment-settings";
import { requireSession } from "~/lib/session";
import { orderStatusBadge, paymentStatusBadge, statusLabel } from "~/lib/status";
import { api } from "~/trpc/server";
import { PendingPayment, type CardReturn } from "./pending-payment";

export const metadata: Metadata = { title: "Order" };

interface Props {
  params: Promise<{ id: string }>;
  // Stripe appends the last two when a card step (3-D Secure, a bank page) sends the customer back here.
  searchParams: Promise<{ placed?: string; payment_intent_client_secret?: string; redirect_status?: string }>;
}

/** What the customer did on the card step that sent them back here, if they came from one. */
function cardReturn(query: Awaited<Props["searchParams"]>): CardReturn | null {
  if (!query.payment_intent_client_secret || !query.redirect_status) return null;
  return query.redirect_status === "succeeded" || query.redirect_status === "processing" ? "sent" : "failed";
}

/**
 * Order confirmation (`?placed=1`), return from a card step, and detail: what was
 * bought at which price, where it goes, how it was paid.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { placed } = query;
  await requireSession(`/orders/${id}`);
  const order = await orNotFound(api.order.byId({ id }));
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, order.currency);

  return (
    <div className="stack">
      {placed ? (
        <p className="notice" role="status">
          Thank you for your order! You can follow its progress on this page.
        </p>
      ) : null}
      <div className="row">
        <h1>Order #{order.number}</h1>
        <span className={orderStatusBadge[order.status]} data-testid="order-status">
          {statusLabel(order.status)}
        </span>
      </div>
      <p className="muted">Placed {formatDateTime(order.placedAt)}</p>
      {order.status === "EXPIRED" ? (
        <p className="notice" role="status">
          This order was not paid in time, so its items went back on sale. Nothing was charged.
        </p>
      ) : null}
      {order.status === "PENDING" ? (
        <PendingPayment orderId={order.id} total={money(order.total)} heldUntil={order.expiresAt} stripeKey={stripePublishableKey()} returned={cardReturn(query)} />
      ) : null}

      <h2>Items</h2>
      <OrderItemsTable items={order.items} currency={order.currency} />

      <div className="order-panels">
        <section className="card stack" aria-labelledby="totals-heading">
          <h2 id="totals-heading">Totals</h2>
          <dl className="totals">
            <dt>Subtotal</dt>
            <dd>{money(order.subtotal)}</dd>
            {order.discountTotal.isZero() ? null : (
              <>
                <dt>Discount</dt>
                <dd>−{money(order.discountTotal)}</dd>
              </>
            )}
            <dt>Shipping{order.shippingMethodName ? ` (${order.shippingMethodName})` : ""}</dt>
            <dd>{order.shippingTotal.isZero() ? "Free" : money(order.shippingTotal)}</dd>
            <dt>Tax</dt>
            <dd>{money(order.taxTotal)}</dd>
            <dt>Total</dt>
            <dd className="price" data-testid="order-total">
              {money(order.total)}
            </dd>
            {order.refundedTotal.isZero() ? null : (
              <>
                <dt>{order.refundedTotal.gte(order.total) ? "Refunded" : "Partially refunded"}</dt>
                <dd data-testid="order-refunded">−{money(order.refundedTotal)}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card stack" aria-labelledby="shipping-heading">
          <h2 id="shipping-heading">Shipping to</h2>
          <address>
            {order.shipName ? <>{order.shipName}<br /></> : null}
            {order.shipStreet}
            <br />
            {order.shipStreet2 ? <>{order.shipStreet2}<br /></> : null}
            {order.shipCity}, {order.shipState} {order.shipZipCode}
            <br />
            {order.shipCountry}
          </address>
        </section>
        <section className="card stack" aria-labelledby="payment-heading">
          <h2 id="payment-heading">Payment</h2>
          {order.payments.length ? (
            <ul className="plain-list">
              {order.payments.map((payment) => (
                <li key={payment.id} className="row">
                  <span className={paymentStatusBadge[payment.status]} data-testid="payment-status">
                    {statusLabel(payment.status)}
                  </span>
                  <span>{money(payment.amount)}</span>
                  <span className="muted">{formatDateTime(payment.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Not paid yet.</p>
          )}
        </section>
      </div>
      <p>
        <Link href="/orders">All your orders</Link>
      </p>
    </div>
  );
}
