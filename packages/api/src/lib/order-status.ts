import type { OrderStatus } from "@shop/db";

/**
 * Orders whose money the shop has: paid, and not cancelled or refunded. Revenue counts
 * these, and a review is a verified purchase on one. The one list: import it, never copy it.
 * Browser-safe (a type import only).
 */
export const paidOrderStatuses = ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"] as const satisfies readonly OrderStatus[];
