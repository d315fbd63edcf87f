import { limiter, throttle } from "../../lib/limiter";
import { hashPassword } from "../../lib/passwords";
import { createTRPCRouter, publicProcedure } from "../../trpc";
import { registerInput } from "./register.schema";

/** Sign-ups per client address: enough for a household, too few to probe e-mails in bulk. */
export const registerLimit = { name: "register", points: 10, durationSec: 60 * 60 } as const;

export const authRouter = createTRPCRouter({
  /**
   * Creates a customer account; signing in is Auth.js's credentials provider (@shop/auth).
   * The answer and its cost are the same whether or not the e-mail already has an
   * account (the password is hashed either way, the existing account is left as it is),
   * so sign-up cannot be used to learn who shops here. The storefront signs in next;
   * for an existing account that fails unless the password was the owner's.
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
      if (created[0]) await tx.userRole.create({ data: { userId: created[0].id, role: "CUSTOMER" } });
    });
    return { ok: true as const };
  }),
});
