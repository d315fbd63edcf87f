import { revokeAccountTokens, type NotificationType, type Prisma } from "@shop/db";

type AccountNotice = Extract<NotificationType, "PASSWORD_RESET" | "PASSWORD_CHANGED" | "EMAIL_VERIFICATION">;

// What the account page's notification list says; the e-mail itself is packages/mail's.
const notices: Record<AccountNotice, { title: string; body: string }> = {
  PASSWORD_RESET: { title: "Password reset requested", body: "We e-mailed a link to choose a new password. If you did not ask for it, ignore it." },
  PASSWORD_CHANGED: { title: "Password changed", body: "Your password was changed and your other devices were signed out." },
  EMAIL_VERIFICATION: { title: "Confirm your e-mail address", body: "We e-mailed a link to confirm your address." },
};

/**
 * Writes a notification for the account with this e-mail address, if there is one, in one
 * statement either way: the work, and so the answer's timing, does not tell which
 * addresses have accounts.
 */
export async function noticeAccountByEmail(db: Prisma.TransactionClient, email: string, type: AccountNotice, now: Date): Promise<void> {
  const { title, body } = notices[type];
  await db.$executeRaw`
    INSERT INTO "Notification" (id, "userId", type, title, body, "emailStatus", "createdAt")
    SELECT gen_random_uuid()::text, id, ${type}::"NotificationType", ${title}, ${body}, 'PENDING', ${now}
      FROM "User" WHERE email = ${email}`;
}

/**
 * Writes an account notification for the outbox (in the caller's transaction); the caller
 * wakes the mailer after commit. The link's token is minted by the worker as it sends.
 */
export async function noticeAccount(db: Prisma.TransactionClient, userId: string, type: AccountNotice, now: Date): Promise<void> {
  await db.notification.create({ data: { userId, type, ...notices[type], emailStatus: "PENDING", createdAt: now }, select: { id: true } });
}

/**
 * What follows any new password (a reset or a change while signed in), in the caller's
 * transaction: reset links sent before die, and the owner is told by e-mail in case it
 * was not them. Sessions need nothing here: @shop/auth compares each one's password stamp.
 */
export async function passwordChanged(db: Prisma.TransactionClient, userId: string, now: Date): Promise<void> {
  await revokeAccountTokens(db, "password-reset", userId);
  await noticeAccount(db, userId, "PASSWORD_CHANGED", now);
}
