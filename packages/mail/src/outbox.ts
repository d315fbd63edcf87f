import type { Transporter } from "nodemailer";
import { accountTokenLifetimes, env, issueAccountToken, logger, Prisma, type AccountTokenPurpose, type PrismaClient } from "@shop/db";
import { formatMoney } from "@shop/web/format";
import { renderMail, type Brand, type MailContent, type OrderSummary } from "./templates";

/**
 * The e-mail outbox. A notification written with emailStatus PENDING (in the same
 * transaction as the change it reports) is an e-mail to send. The worker delivers them:
 *
 *   PENDING ──claim──► SENDING ──SMTP accepted──► SENT
 *      ▲                  │ SMTP failed (retryable)        └─ worker stopped here ──► FAILED
 *      └──── back-off ────┘ failed for good, or last attempt ──► FAILED
 *
 * The claim is one conditional UPDATE (SKIP LOCKED), so two workers never take the same
 * row. A row is never sent from SENDING again: if the worker stops between the SMTP
 * server's acceptance and the mark, the mail may have gone, so the row is marked FAILED
 * ("interrupted") for staff to look at, rather than risking a second copy.
 */

export interface OutboxDeps {
  db: PrismaClient;
  clock: () => Date;
  transport: Transporter;
  brand: () => Promise<Brand>;
}

export interface FlushResult {
  sent: number;
  /** Put back for a later attempt (SMTP failure, or the recipient's hourly limit). */
  deferred: number;
  failed: number;
  /** SENDING rows found abandoned and marked FAILED. */
  interrupted: number;
}

interface Claimed {
  id: string;
  userId: string;
  type: string;
  data: Prisma.JsonValue;
  emailAttempts: number;
}

const orderSelect = {
  id: true,
  number: true,
  email: true,
  total: true,
  currency: true,
  items: { select: { productName: true, variantName: true, quantity: true, lineTotal: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.OrderSelect;

const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

/** Sends every due PENDING e-mail, one claim at a time, up to `limit`. */
export async function flushOutbox(deps: OutboxDeps, limit = 200): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, deferred: 0, failed: 0, interrupted: await failInterrupted(deps) };
  for (let i = 0; i < limit; i++) {
    const row = await claimNext(deps);
    if (!row) break;
    result[await deliver(deps, row)]++;
  }
  if (result.sent || result.failed || result.deferred || result.interrupted) logger.info(result, "mail outbox flushed");
  return result;
}

async function failInterrupted({ db, clock }: OutboxDeps): Promise<number> {
  const abandonedBefore = new Date(clock().getTime() - 2 * env().MAIL_SEND_TIMEOUT_MS);
  const { count } = await db.notification.updateMany({
    where: { emailStatus: "SENDING", emailClaimedAt: { lt: abandonedBefore } },
    data: { emailStatus: "FAILED", emailError: "interrupted while sending: not sent again, so it cannot arrive twice" },
  });
  if (count) logger.warn({ count }, "e-mails interrupted while sending were marked FAILED");
  return count;
}

async function claimNext({ db, clock }: OutboxDeps): Promise<Claimed | undefined> {
  const now = clock();
  const [row] = await db.$queryRaw<Claimed[]>`
    UPDATE "Notification" n
       SET "emailStatus" = 'SENDING', "emailClaimedAt" = ${now}, "emailAttempts" = n."emailAttempts" + 1
     WHERE n.id = (SELECT id FROM "Notification"
                    WHERE "emailStatus" = 'PENDING' AND ("emailNextAttemptAt" IS NULL OR "emailNextAttemptAt" <= ${now})
                    ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND n."emailStatus" = 'PENDING'
    RETURNING n.id, n."userId", n.type::text AS type, n.data, n."emailAttempts"`;
  return row;
}

async function deliver(deps: OutboxDeps, row: Claimed): Promise<keyof Omit<FlushResult, "interrupted">> {
  const { db, clock } = deps;
  const recipient = await recipientOf(deps, row);
  if (!recipient) return mark(deps, row, "FAILED", `no e-mail for a ${row.type} notification without its ${orderTypes.has(row.type) ? "order" : "user"}`);

  const waitUntil = await recipientLimitEnds(deps, row.userId);
  if (waitUntil) {
    // Not an attempt: give the count back and wait for the recipient's hour to roll on.
    await db.notification.update({ where: { id: row.id }, data: { emailStatus: "PENDING", emailAttempts: { decrement: 1 }, emailNextAttemptAt: waitUntil } });
    return "deferred";
  }

  const brand = await deps.brand();
  const content = await recipient.content(brand);
  if (!content) return mark(deps, row, "FAILED", `no e-mail for this ${row.type} notification`);
  const mail = await renderMail(content, brand);
  try {
    await deps.transport.sendMail({
      from: { name: brand.storeName, address: env().MAIL_FROM },
      to: recipient.address,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      // Stable per notification, so a receiving system can tell a copy from a new mail.
      messageId: `<notification-${row.id}@${env().MAIL_FROM.split("@")[1]}>`,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const permanent = (error as { responseCode?: number }).responseCode !== undefined && (error as { responseCode: number }).responseCode >= 500;
    if (permanent || row.emailAttempts >= env().MAIL_MAX_ATTEMPTS) return mark(deps, row, "FAILED", reason);
    const delay = Math.min(RETRY_BASE_MS * 2 ** (row.emailAttempts - 1), RETRY_MAX_MS);
    await db.notification.update({ where: { id: row.id }, data: { emailStatus: "PENDING", emailError: reason, emailNextAttemptAt: new Date(clock().getTime() + delay) } });
    logger.warn({ notificationId: row.id, attempt: row.emailAttempts, retryInMs: delay, error: reason }, "e-mail not sent; retrying later");
    return "deferred";
  }
  return mark(deps, row, "SENT");
}

async function mark({ db, clock }: OutboxDeps, row: Claimed, status: "SENT" | "FAILED", error?: string) {
  await db.notification.update({
    where: { id: row.id },
    data: status === "SENT" ? { emailStatus: "SENT", emailSentAt: clock(), emailError: null } : { emailStatus: "FAILED", emailError: error ?? null },
  });
  if (status === "FAILED") logger.error({ notificationId: row.id, error }, "e-mail failed for good");
  return status === "SENT" ? ("sent" as const) : ("failed" as const);
}

/** When the recipient may get another e-mail, if they have had their hourly share. */
async function recipientLimitEnds({ db, clock }: OutboxDeps, userId: string): Promise<Date | null> {
  const hourAgo = new Date(clock().getTime() - 60 * 60_000);
  const recent = await db.notification.findMany({
    where: { userId, emailStatus: "SENT", emailSentAt: { gt: hourAgo } },
    select: { emailSentAt: true },
    orderBy: { emailSentAt: "desc" },
    take: env().MAIL_PER_RECIPIENT_PER_HOUR,
  });
  const oldest = recent.at(-1)?.emailSentAt;
  if (recent.length < env().MAIL_PER_RECIPIENT_PER_HOUR || !oldest) return null;
  // The oldest of the last `limit` sends leaves the window an hour after it was sent.
  return new Date(oldest.getTime() + 60 * 60_000);
}

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

const orderTypes = new Set(["ORDER_PLACED", "PAYMENT_RECEIVED", "ORDER_STATUS_CHANGED"]);

/**
 * Where a notification's e-mail goes and what it says: an order's mail goes to the address
 * the order was placed with, an account's to the account's address. The content is made
 * only once the mail is about to go, because an account link's token is minted then: no
 * secret ever waits in the outbox, and a retry sends a fresh one.
 */
async function recipientOf({ db, clock }: OutboxDeps, row: Claimed): Promise<{ address: string; content: (brand: Brand) => Promise<MailContent | null> } | null> {
  if (orderTypes.has(row.type)) {
    const orderId = (row.data as { orderId?: unknown } | null)?.orderId;
    const order = typeof orderId === "string" ? await db.order.findUnique({ where: { id: orderId }, select: orderSelect }) : null;
    return order && { address: order.email, content: async () => orderContent(row, order) };
  }
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { id: true, email: true } });
  if (!user) return null;
  const link = async (purpose: AccountTokenPurpose, path: string, brand: Brand) => {
    const { token } = await issueAccountToken(db, purpose, user.id, clock());
    return new URL(`${path}?token=${token}`, brand.storefrontUrl).href;
  };
  return {
    address: user.email,
    content: async (brand) => {
      switch (row.type) {
        case "PASSWORD_RESET":
          return { kind: "password-reset", url: await link("password-reset", "/reset-password", brand), minutes: accountTokenLifetimes["password-reset"] / 60_000 };
        case "PASSWORD_CHANGED":
          return { kind: "password-changed" };
        case "EMAIL_VERIFICATION":
          return { kind: "email-verification", url: await link("verify-email", "/verify-email", brand), hours: accountTokenLifetimes["verify-email"] / 3_600_000 };
        default:
          return null;
      }
    },
  };
}

/** The e-mail an order's notification stands for (its type and data, written by packages/api). */
function orderContent(row: Claimed, order: OrderRow): MailContent | null {
  const money = (amount: Prisma.Decimal.Value) => formatMoney(new Prisma.Decimal(amount), order.currency);
  const summary: OrderSummary = {
    id: order.id,
    number: order.number,
    total: money(order.total),
    lines: order.items.map((item) => ({ name: item.variantName ? `${item.productName} (${item.variantName})` : item.productName, quantity: item.quantity, lineTotal: money(item.lineTotal) })),
  };
  const data = (row.data ?? {}) as { status?: string; refunded?: string; amount?: string };
  if (row.type === "ORDER_PLACED") return { kind: "order-placed", order: summary };
  if (row.type === "PAYMENT_RECEIVED") return { kind: "order-paid", order: summary, amount: money(data.amount ?? order.total) };
  if (row.type !== "ORDER_STATUS_CHANGED") return null;
  // Refund notices before the amount was recorded carry only the running total.
  if (data.refunded !== undefined) return { kind: "order-refunded", order: summary, amount: money(data.amount ?? data.refunded) };
  switch (data.status) {
    case "SHIPPED":
      return { kind: "order-shipped", order: summary };
    case "CANCELLED":
      return { kind: "order-cancelled", order: summary };
    case "EXPIRED":
      return { kind: "order-expired", order: summary };
    case undefined:
      return null;
    default:
      return { kind: "order-status", order: summary, status: data.status.toLowerCase() };
  }
}
