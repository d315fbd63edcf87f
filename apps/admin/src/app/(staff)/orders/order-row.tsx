"use client";
import type { RouterOutputs } from "@shop/api";
import { formatDateTime, formatMoney } from "@shop/web/format";
import { useState } from "react";
import { StatusBadge } from "~/components/status-badge";
import { OrderDetails } from "./order-details";

type Order = RouterOutputs["admin"]["order"]["list"]["items"][number];

export function OrderRow({ order }: { order: Order }) {
  const [open, setOpen] = useState(false);
  const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <>
      <tr>
        <td data-label="Order">#{order.number}</td>
        <td data-label="Placed">{formatDateTime(order.placedAt)}</td>
        <td data-label="Customer">{order.email}</td>
        <td data-label="Status">
          <StatusBadge status={order.status} />
        </td>
        <td data-label="Items" className="numeric">{units}</td>
        <td data-label="Total" className="numeric">{formatMoney(order.total, order.currency)}</td>
        <td data-label="">
          <button type="button" className="button" aria-expanded={open} aria-label={`Details for order #${order.number}`} onClick={() => setOpen(!open)}>
            Details
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={7}>
            <OrderDetails order={order} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
