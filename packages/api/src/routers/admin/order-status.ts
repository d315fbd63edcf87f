import type { OrderStatus } from "@shop/db";

/** The order state machine: the statuses each status may move to. */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ["PAID", "CANCELLED"],
  PAID: ["FULFILLING", "CANCELLED", "REFUNDED"],
  FULFILLING: ["SHIPPED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: ["REFUNDED"],
  CANCELLED: [],
  REFUNDED: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus) => orderTransitions[from].includes(to);

/** The timestamp column each status stamps when entered. */
export const statusTimestamps: Partial<Record<OrderStatus, "paidAt" | "shippedAt" | "deliveredAt" | "cancelledAt">> = {
  PAID: "paidAt",
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  CANCELLED: "cancelledAt",
};
