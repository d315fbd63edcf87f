// TEMPORARY stand-ins for the three @shop/api functions the handlers call, until
// @shop/api exports them; then handlers.ts imports them from "@shop/api" and this
// file goes. Signatures match the real ones.
import type { Context } from "@shop/api";
import { logger } from "@shop/db";

type JobContext = Pick<Context, "db" | "redis" | "cache" | "payments">;

const notYet = (name: string) => logger.warn({ function: name }, "@shop/api does not export this yet: job left as a no-op");

/** Nothing expired: the sweep catches the order once the real function is wired. */
export async function expireOrder(_ctx: JobContext, _orderId: string, _now?: Date): Promise<boolean> {
  notYet("expireOrder");
  return false;
}

export async function expireOverdueOrders(_ctx: JobContext, _now?: Date): Promise<number> {
  notYet("expireOverdueOrders");
  return 0;
}

/** Throws, so pg-boss keeps the refund job for a retry instead of completing it undone. */
export async function executeRefund(_ctx: JobContext, refundId: string): Promise<void> {
  throw new Error(`executeRefund(${refundId}): @shop/api does not export it yet`);
}
