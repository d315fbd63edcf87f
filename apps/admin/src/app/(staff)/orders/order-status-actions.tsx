"use client";
import type { RouterOutputs } from "@shop/api";
import { staffMovesFrom } from "@shop/api/schemas";
import { FormError } from "@shop/web/ui";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";

type Order = RouterOutputs["admin"]["order"]["list"]["items"][number];

// Only the moves staff make by hand: paid, expired and refunded follow from money.
const actionLabels: Record<string, string> = {
  FULFILLING: "Start fulfilling",
  SHIPPED: "Mark shipped",
  DELIVERED: "Mark delivered",
  CANCELLED: "Cancel order",
};

/** Buttons for the statuses staff may move the order to next, and nothing else. */
export function OrderStatusActions({ order }: { order: Order }) {
  const utils = api.useUtils();
  const update = api.admin.order.updateStatus.useMutation({
    // Cancelling restocks and refunds, and any change moves the dashboard's numbers.
    onSuccess: () => Promise.all([utils.admin.order.invalidate(), utils.admin.inventory.invalidate(), utils.admin.analytics.invalidate()]),
  });
  const { confirm, dialog } = useConfirm();
  const next = staffMovesFrom(order.status) as ("FULFILLING" | "SHIPPED" | "DELIVERED" | "CANCELLED")[];
  if (!next.length) {
    return (
      <p className="muted">
        {order.status === "PENDING" ? "Waiting for the customer's payment." : `This order is ${order.status.toLowerCase()}: there are no further steps.`}
      </p>
    );
  }
  const paid = order.status !== "PENDING";
  const move = async (status: (typeof next)[number]) => {
    const cancelling = status === "CANCELLED";
    const go =
      !cancelling ||
      (await confirm({
        title: `Cancel order #${order.number}?`,
        message: paid ? "Its stock goes back on sale and the payment is refunded in full. This cannot be undone." : "Its stock goes back on sale. This cannot be undone.",
        confirmLabel: paid ? "Cancel and refund" : "Cancel order",
        cancelLabel: "Keep the order",
      }));
    if (go) update.mutate({ id: order.id, status });
  };
  return (
    <div className="stack">
      <div className="row">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === "CANCELLED" ? "button button-danger" : "button button-primary"}
            disabled={update.isPending}
            onClick={() => void move(status)}
            title={status === "CANCELLED" && paid ? "Returns the stock and refunds the payment in full" : undefined}
          >
            {status === "CANCELLED" && paid ? "Cancel and refund" : actionLabels[status]}
          </button>
        ))}
      </div>
      <FormError error={update.error} />
      {dialog}
    </div>
  );
}
