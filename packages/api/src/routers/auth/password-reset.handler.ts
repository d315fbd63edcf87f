import { TRPCError } from "@trpc/server";
import { redeemAccountToken } from "@shop/db";
import type { z } from "zod";
import { wakeMailer } from "../../lib/jobs";
import { limiter, throttle } from "../../lib/limiter";
import { hashPassword } from "../../lib/passwords";
import type { Context } from "../../context";
import { noticeAccountByEmail, passwordChanged } from "./account-mail";
import type { requestPasswordResetInput, resetPasswordInput } from "./account.schema";

/**
 * Reset requests per client address and per e-mail address (known or not, so the limit
 * tells nothing): a few links an hour is plenty for a person and keeps anyone from
 * filling someone's inbox. Redemptions per address bound the argon2 work a stranger can cause.
 */
export const passwordResetLimits = {
  perAddress: { name: "reset-address", points: 20, durationSec: 60 * 60 },
  perEmail: { name: "reset-email", points: 3, durationSec: 60 * 60 },
  redeemPerAddress: { name: "reset-redeem", points: 20, durationSec: 60 * 60 },
} as const;

export const expiredLinkMessage = "This link has expired or was already used. Ask for a new one.";

/**
 * Answers alike whether or not the address has an account (OWASP): the e-mail is the only
 * place that says. The worker mints the link's token when it sends the mail.
 */
export async function requestPasswordReset(ctx: Context, input: z.infer<typeof requestPasswordResetInput>): Promise<{ ok: true }> {
  const what = "password reset requests";
  if (ctx.ip !== null) await throttle(limiter(ctx.redis, passwordResetLimits.perAddress), ctx.ip, what);
  await throttle(limiter(ctx.redis, passwordResetLimits.perEmail), input.email, what);
  await noticeAccountByEmail(ctx.db, input.email, "PASSWORD_RESET", ctx.clock());
  // Woken either way, for the same reason.
  await wakeMailer(ctx.db);
  return { ok: true };
}

/**
 * Spends the link's token and sets the new password in one transaction. Every session of
 * the account signed in before is refused from its next request (@shop/auth compares the
 * password each session was issued for), every other reset link dies, and the owner is
 * told by e-mail. Following the link proves the mailbox is theirs, so it verifies it too.
 */
export async function resetPassword(ctx: Context, input: z.infer<typeof resetPasswordInput>): Promise<{ ok: true }> {
  if (ctx.ip !== null) await throttle(limiter(ctx.redis, passwordResetLimits.redeemPerAddress), ctx.ip, "password resets");
  const hash = await hashPassword(input.password);
  const now = ctx.clock();
  const reset = await ctx.db.$transaction(async (tx) => {
    const userId = await redeemAccountToken(tx, "password-reset", input.token, now);
    if (!userId) return false;
    await tx.user.update({ where: { id: userId }, data: { password: hash }, select: { id: true } });
    await tx.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: now } });
    await passwordChanged(tx, userId, now);
    return true;
  });
  if (!reset) throw new TRPCError({ code: "BAD_REQUEST", message: expiredLinkMessage });
  await wakeMailer(ctx.db);
  return { ok: true };
}
