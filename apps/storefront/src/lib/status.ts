import type { RouterOutputs } from "@shop/api";

type Order = RouterOutputs["order"]["byId"];

/** Badge colour per order status: waiting is amber, going well is green, stopped is red. */
export const orderStatusBadge: Record<Order["status"], string> = {
  PENDING: "badge badge-warning",
  PAID: "badge badge-ok",
  FULFILLING: "badge badge-ok",
  SHIPPED: "badge badge-ok",
  DELIVERED: "badge badge-ok",
  CANCELLED: "badge badge-danger",
  EXPIRED: "badge",
  REFUNDED: "badge badge-danger",
};

export const paymentStatusBadge: Record<Order["payments"][number]["status"], string> = {
  REQUIRES_PAYMENT: "badge badge-warning",
  PROCESSING: "badge badge-warning",
  SUCCEEDED: "badge badge-ok",
  FAILED: "badge badge-danger",
  CANCELLED: "badge badge-danger",
  REFUNDED: "badge",
  PARTIALLY_REFUNDED: "badge",
};

/** "PARTIALLY_REFUNDED" → "Partially refunded": the words the API's messages use for options too. */
export { optionLabel as statusLabel } from "@shop/api/schemas";
