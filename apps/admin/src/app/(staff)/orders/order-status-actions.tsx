"use client";
import type { RouterOutputs } from "@shop/api";
import { orderTransitions } from "@shop/api/schemas";
import { FormError } from "@shop/web/ui";
import { api } from "~/trpc/react";

type Order = RouterOutputs["admin"]["order"]["list"]["items"][number];
type OrderStatus = Order["status"];

const actionLabels: Record<OrderStatus, string> = {
  PENDING: "Mark pending",
  PAID: "Mark paid",
  FULFILLING: "Start fulfilling",
  SHIPPED: "Mark shipped",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
  REFUNDED: "Mark refunded",
};

/** Undoing these is not possible, so they look different from the forward steps. */
const finalSteps: readonly OrderStatus[] = ["CANCELLED", "REFUNDED"];

/** Buttons for the statuses the order may move to next, and nothing else. */
export function OrderStatusActions({ order }: { order: Order }) {
  const utils = api.useUtils();
  const update = api.admin.order.updateStatus.useMutation({
    // Cancelling restocks, and any change moves the dashboard's numbers.
    onSuccess: () => Promise.all([utils.admin.order.invalidate(), utils.admin.inventory.invalidate(), utils.admin.analytics.invalidate()]),
  });
  const next = orderTransitions[order.status];
  if (!next.length) return <p className="muted">This order is {order.status.toLowerCase()}: there are no further steps.</p>;
  return (
    <div className="stack">
      <div className="row">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={finalSteps.includes(status) ? "button button-danger" : "button button-primary"}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: order.id, status })}
          >
            {actionLabels[status]}
          </button>
        ))}
      </div>
      <FormError error={update.error} />
    </div>
  );
}
