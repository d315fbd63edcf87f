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
        <td>#{order.number}</td>
        <td>{formatDateTime(order.placedAt)}</td>
        <td>{order.email}</td>
        <td>
          <StatusBadge status={order.status} />
        </td>
        <td className="numeric">{units}</td>
        <td className="numeric">{formatMoney(order.total, order.currency)}</td>
        <td>
          <button type="button" className="button" aria-expanded={open} aria-label={`Details for order #${order.number}`} onClick={() => setOpen(!open)}>
            {open ? "Hide" : "Details"}
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
