import type { OrderStatus, PaymentStatus } from "@shop/db";

/**
 * The two state machines of the money path, as tables (docs/money.md draws them).
 * Browser-safe: no database access here, so the admin app reads the same tables.
 * Every status change of an order or a payment is a conditional update on the
 * "from" statuses these tables give (see lib/orders.ts and lib/payment-status.ts).
 */

/** Order statuses and where each may go next. */
export const orderTransitions = {
  PENDING: ["PAID", "CANCELLED", "EXPIRED"],
  PAID: ["FULFILLING", "CANCELLED", "REFUNDED"],
  FULFILLING: ["SHIPPED", "CANCELLED", "REFUNDED"],
  SHIPPED: ["DELIVERED", "REFUNDED"],
  DELIVERED: ["REFUNDED"],
  CANCELLED: [],
  EXPIRED: [],
  REFUNDED: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

/**
 * The moves staff make by hand (admin.order.updateStatus). The others follow from
 * money: PAID from a succeeded payment, REFUNDED from refunds adding up to the
 * captured amount, EXPIRED from the end of the stock hold.
 */
export const staffOrderMoves = ["FULFILLING", "SHIPPED", "DELIVERED", "CANCELLED"] as const satisfies readonly OrderStatus[];

/** Orders whose money was taken: the one list revenue, reviews and refunds read. */
export const paidOrderStatuses = ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"] as const satisfies readonly OrderStatus[];

export const canMoveOrder = (from: OrderStatus, to: OrderStatus) => (orderTransitions[from] as readonly OrderStatus[]).includes(to);

/** Statuses an order may be in to move to `to` (the "from" side of a conditional update). */
export const orderStatusesBefore = (to: OrderStatus): OrderStatus[] =>
  (Object.keys(orderTransitions) as OrderStatus[]).filter((from) => canMoveOrder(from, to));

/** Staff's legal next statuses for an order in `status`. */
export const staffMovesFrom = (status: OrderStatus): OrderStatus[] =>
  orderTransitions[status].filter((to: OrderStatus) => (staffOrderMoves as readonly OrderStatus[]).includes(to));

/**
 * Payment statuses and where each may go next. Provider events only move a payment
 * forward along this table; an event that would move it elsewhere (late, replayed
 * out of order) is recorded and ignored. FAILED may still succeed: a customer can
 * retry a declined card on the same PaymentIntent. PARTIALLY_REFUNDED may move to
 * itself (a further partial refund).
 */
export const paymentTransitions = {
  REQUIRES_PAYMENT: ["PROCESSING", "SUCCEEDED", "FAILED", "CANCELLED"],
  PROCESSING: ["SUCCEEDED", "FAILED", "CANCELLED"],
  FAILED: ["PROCESSING", "SUCCEEDED", "CANCELLED"],
  SUCCEEDED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  REFUNDED: [],
  CANCELLED: [],
} as const satisfies Record<PaymentStatus, readonly PaymentStatus[]>;

/** Payments still being paid (one may be open per order and provider; after a decline the next attempt is a new one). */
export const openPaymentStatuses = ["REQUIRES_PAYMENT", "PROCESSING"] as const satisfies readonly PaymentStatus[];

/** Payments that captured money (what refunds are bounded by). */
export const capturedPaymentStatuses = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const satisfies readonly PaymentStatus[];

export const canMovePayment = (from: PaymentStatus, to: PaymentStatus) => (paymentTransitions[from] as readonly PaymentStatus[]).includes(to);

export const paymentStatusesBefore = (to: PaymentStatus): PaymentStatus[] =>
  (Object.keys(paymentTransitions) as PaymentStatus[]).filter((from) => canMovePayment(from, to));

/** The timestamp column each order status stamps when entered. */
export const orderStatusTimestamps: Partial<Record<OrderStatus, "paidAt" | "shippedAt" | "deliveredAt" | "cancelledAt">> = {
  PAID: "paidAt",
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  CANCELLED: "cancelledAt",
};
