import { type Context, deleteExpiredGuestCarts, executeRefund, expireOrder, expireOverdueOrders } from "@shop/api";
import type { ShopHandlers } from "./worker";

/**
 * Queue → function. Each is idempotent: pg-boss delivers at least once (a job whose
 * worker died is delivered again), and the function acts on the row's current state.
 */
export const jobHandlers = (ctx: Context): ShopHandlers => ({
  "order.expire": ({ orderId }) => expireOrder(ctx, orderId),
  "payment.refund": ({ refundId }) => executeRefund(ctx, refundId),
  "order.expire-overdue": () => expireOverdueOrders(ctx),
  "cart.expire-guests": () => deleteExpiredGuestCarts(ctx),
});
