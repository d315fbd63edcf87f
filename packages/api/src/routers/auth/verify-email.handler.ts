import { TRPCError } from "@trpc/server";
import { redeemAccountToken, revokeAccountTokens } from "@shop/db";
import type { z } from "zod";
import type { Context, ProtectedContext } from "../../context";
import { wakeMailer } from "../../lib/jobs";
import { limiter, throttle } from "../../lib/limiter";
import { noticeAccount } from "./account-mail";
import type { verifyEmailInput } from "./account.schema";

/** Confirmation e-mails a signed-in customer may ask for again, per account. */
export const verificationResendLimit = { name: "verify-resend", points: 3, durationSec: 60 * 60 } as const;

/** Marks the address verified (once; a second link of the same account is spent with it). */
export async function verifyEmail(ctx: Context, input: z.infer<typeof verifyEmailInput>): Promise<{ ok: true }> {
  const now = ctx.clock();
  const userId = await redeemAccountToken(ctx.db, "verify-email", input.token, now);
  if (!userId) throw new TRPCError({ code: "BAD_REQUEST", message: "This link has expired or was already used. Sign in and ask for a new one on your account page." });
  await ctx.db.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: now } });
  await revokeAccountTokens(ctx.db, "verify-email", userId);
  return { ok: true };
}

/** Sends the confirmation e-mail again, unless the address is verified already. */
export async function resendVerification(ctx: ProtectedContext): Promise<{ sent: boolean }> {
  const userId = ctx.session.user.id;
  await throttle(limiter(ctx.redis, verificationResendLimit), userId, "confirmation e-mails");
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerified: true } });
  if (user.emailVerified) return { sent: false };
  await noticeAccount(ctx.db, userId, "EMAIL_VERIFICATION", ctx.clock());
  await wakeMailer(ctx.db);
  return { sent: true };
}
