import { wakeMailer } from "../../lib/jobs";
import { limiter, throttle } from "../../lib/limiter";
import { hashPassword } from "../../lib/passwords";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../../trpc";
import { noticeAccount } from "./account-mail";
import { requestPasswordResetInput, resetPasswordInput, verifyEmailInput } from "./account.schema";
import { requestPasswordReset, resetPassword } from "./password-reset.handler";
import { registerInput } from "./register.schema";
import { resendVerification, verifyEmail } from "./verify-email.handler";

/** Sign-ups per client address: enough for a household, too few to probe e-mails in bulk. */
export const registerLimit = { name: "register", points: 10, durationSec: 60 * 60 } as const;

export const authRouter = createTRPCRouter({
  /**
   * Creates a customer account; signing in is Auth.js's credentials provider (@shop/auth).
   * The answer and its cost are the same whether or not the e-mail already has an
   * account (the password is hashed either way, the existing account is left as it is),
   * so sign-up cannot be used to learn who shops here. The storefront signs in next;
   * for an existing account that fails unless the password was the owner's. A new
   * account is sent a link to confirm its address; it may shop before it does.
   */
  register: publicProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    // Server-side callers (seed, tests) have no address and are not throttled.
    if (ctx.ip !== null) await throttle(limiter(ctx.redis, registerLimit), ctx.ip, "sign-ups from this address");
    const password = await hashPassword(input.password);
    await ctx.db.$transaction(async (tx) => {
      // Skipping a taken e-mail (no error, no change to that account) keeps the answer alike.
      const created = await tx.user.createManyAndReturn({
        data: [{ email: input.email, name: input.name, password }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!created[0]) return;
      await tx.userRole.create({ data: { userId: created[0].id, role: "CUSTOMER" } });
      await noticeAccount(tx, created[0].id, "EMAIL_VERIFICATION", ctx.clock());
    });
    await wakeMailer(ctx.db);
    return { ok: true as const };
  }),

  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(({ ctx, input }) => requestPasswordReset(ctx, input)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx, input)),
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ ctx, input }) => verifyEmail(ctx, input)),
  resendVerification: protectedProcedure.mutation(({ ctx }) => resendVerification(ctx)),
});
