import { type Context, deleteExpiredGuestCarts, executeRefund, expireOrder, expireOverdueOrders, readSettings } from "@shop/api";
import { deleteExpiredAccountTokens, env, logger } from "@shop/db";
import { createMailTransport, flushOutbox } from "@shop/mail";
import type { Transporter } from "nodemailer";
import type { ShopHandlers } from "./worker";

/**
 * Queue → function. Each is idempotent: pg-boss delivers at least once (a job whose
 * worker died is delivered again), and the function acts on the row's current state.
 * `transport` sends the outbox's e-mails (none when SMTP_URL is unset: they wait).
 */
export const jobHandlers = (ctx: Context, transport: Transporter | null = createMailTransport()): ShopHandlers => {
  if (!transport) logger.warn("SMTP_URL is not set: e-mails wait in the outbox (Notification.emailStatus PENDING) until it is");
  return {
    "order.expire": ({ orderId }) => expireOrder(ctx, orderId),
    "payment.refund": ({ refundId }) => executeRefund(ctx, refundId),
    "order.expire-overdue": () => expireOverdueOrders(ctx),
    "cart.expire-guests": () => deleteExpiredGuestCarts(ctx),
    "auth.expire-tokens": () => deleteExpiredAccountTokens(ctx.db, ctx.clock()),
    "mail.flush": async () =>
      transport &&
      flushOutbox({
        db: ctx.db,
        clock: ctx.clock,
        transport,
        brand: async () => ({ storeName: (await readSettings(ctx))["store.name"], storefrontUrl: env().STOREFRONT_URL }),
      }),
  };
};
