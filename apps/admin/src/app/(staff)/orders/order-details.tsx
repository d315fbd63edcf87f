"use client";
import type { RouterOutputs } from "@shop/api";
import { formatDateTime, formatMoney } from "@shop/web/format";
import { OrderItemsTable } from "@shop/web/ui";
import { OrderStatusActions } from "./order-status-actions";
import { RefundForm, refundableAmount } from "./refund-form";

type Order = RouterOutputs["admin"]["order"]["list"]["items"][number];

/** Everything staff need to fulfil or answer about an order, and its next steps. */
export function OrderDetails({ order }: { order: Order }) {
  const money = (amount: Order["total"]) => formatMoney(amount, order.currency);
  const totals = [
    ["Subtotal", order.subtotal],
    ["Discount", order.discountTotal],
    ["Shipping", order.shippingTotal],
    ["Tax", order.taxTotal],
    ["Total", order.total],
    ...(order.refundedTotal.isZero() ? [] : ([["Refunded", order.refundedTotal]] as const)),
  ] as const;
  const history = [
    ["Placed", order.placedAt],
    ["Paid", order.paidAt],
    ["Shipped", order.shippedAt],
    ["Delivered", order.deliveredAt],
    ["Cancelled", order.cancelledAt],
    ...(order.status === "PENDING" && order.expiresAt ? ([["Unpaid, expires", order.expiresAt]] as const) : []),
  ] as const;

  return (
    <section className="stack" aria-label={`Order #${order.number}`}>
      <OrderItemsTable items={order.items} currency={order.currency} />
      <div className="detail-columns">
        <dl className="definition-list" aria-label="Totals">
          {totals.map(([label, amount]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd>{money(amount)}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="detail-heading">Ship to</h3>
          <address>
            {order.shipName ? <div>{order.shipName}</div> : null}
            <div>{order.shipStreet}</div>
            {order.shipStreet2 ? <div>{order.shipStreet2}</div> : null}
            <div>
              {order.shipCity}, {order.shipState} {order.shipZipCode}
            </div>
            <div>{order.shipCountry}</div>
          </address>
        </div>
        <dl className="definition-list" aria-label="History">
          {history.map(([label, date]) =>
            date ? (
              <div key={label} className="contents">
                <dt>{label}</dt>
                <dd>{formatDateTime(date)}</dd>
              </div>
            ) : null,
          )}
          {order.payments.map((payment) => (
            <div key={payment.id} className="contents">
              <dt>Payment</dt>
              <dd>
                {money(payment.amount)} via {payment.provider.toLowerCase()}, {payment.status.toLowerCase().replaceAll("_", " ")}
                {Number(payment.refundedAmount) > 0 ? `, ${money(payment.refundedAmount)} refunded` : ""}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <OrderStatusActions order={order} />
      {refundableAmount(order).gt(0) ? <RefundForm order={order} /> : null}
    </section>
  );
}
