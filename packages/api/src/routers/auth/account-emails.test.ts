import { issueAccountToken, prisma } from "@shop/db";
import { recordingPrismaClient } from "@shop/db/testing";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createInnerContext } from "../../context";
import { verifyPassword } from "../../lib/passwords";
import { createCaller } from "../../root";
import { anonymous, createUser, errorCode, fieldMessages, unique } from "../../test/helpers";
import { accountToken } from "./account.schema";
import { expiredLinkMessage, passwordResetLimits } from "./password-reset.handler";
import { verificationResendLimit } from "./verify-email.handler";

// The worker mints a link's token as it sends the e-mail (packages/mail); here the test
// mints it the same way, and packages/mail's account-mail.test.ts follows real e-mails.

const outbox = (userId: string) =>
  prisma.notification.findMany({ where: { userId }, select: { type: true, emailStatus: true }, orderBy: { createdAt: "asc" } });
const from = (ip: string) => createCaller({ ...createInnerContext({ session: null }), ip });

describe("password reset", () => {
  it("queues one reset e-mail for an account, and answers an unknown address exactly alike", async () => {
    const user = await createUser();
    const known = await anonymous().auth.requestPasswordReset({ email: user.email.toUpperCase() });
    const unknown = await anonymous().auth.requestPasswordReset({ email: `${unique("nobody")}@example.test` });
    expect(unknown).toEqual(known);
    expect(await outbox(user.id)).toEqual([{ type: "PASSWORD_RESET", emailStatus: "PENDING" }]);
    // No token exists until the worker sends the e-mail: nothing secret waits in the outbox.
    expect(await prisma.verificationToken.count({ where: { identifier: `password-reset:${user.id}` } })).toBe(0);
  });

  it("sends the database the same statements for an unknown address as for a known one", async () => {
    // The same work, so the answer's timing cannot tell accounts apart either (asserted on
    // the statements rather than on milliseconds, which a busy machine blurs).
    const { db, statements } = recordingPrismaClient();
    const caller = createCaller(createInnerContext({ session: null, db }));
    const user = await createUser();
    try {
      await caller.auth.requestPasswordReset({ email: `${unique("warm-up")}@example.test` });
      statements.length = 0;
      await caller.auth.requestPasswordReset({ email: user.email });
      const known = statements.splice(0);
      await caller.auth.requestPasswordReset({ email: `${unique("nobody")}@example.test` });
      expect(known.length).toBeGreaterThan(0);
      expect(statements).toEqual(known);
    } finally {
      await db.$disconnect();
    }
    expect(await outbox(user.id)).toEqual([{ type: "PASSWORD_RESET", emailStatus: "PENDING" }]);
  });

  it("sets the new password once per link, voids older links, verifies the address and reports the change", async () => {
    const user = await createUser();
    const now = new Date();
    const older = await issueAccountToken(prisma, "password-reset", user.id, now);
    const link = await issueAccountToken(prisma, "password-reset", user.id, now);
    expect(accountToken.safeParse(link.token).success).toBe(true);
    // Only the digest is stored.
    expect(await prisma.verificationToken.count({ where: { token: link.token } })).toBe(0);

    expect(await anonymous().auth.resetPassword({ token: link.token, password: "a brand new secret" })).toEqual({ ok: true });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { password: true, emailVerified: true } });
    expect(await verifyPassword(stored.password, "a brand new secret")).toBe(true);
    expect(await verifyPassword(stored.password, user.password)).toBe(false);
    expect(stored.emailVerified).toBeInstanceOf(Date);
    expect(await outbox(user.id)).toEqual([{ type: "PASSWORD_CHANGED", emailStatus: "PENDING" }]);

    for (const token of [link.token, older.token]) {
      const refused = await anonymous().auth.resetPassword({ token, password: "someone else's" }).catch((error: unknown) => error as TRPCError);
      expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expiredLinkMessage });
    }
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).password, "a brand new secret")).toBe(true);
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const user = await createUser();
    const { token } = await issueAccountToken(prisma, "password-reset", user.id, new Date());
    const results = await Promise.allSettled(["first new password", "second new password"].map((password) => anonymous().auth.resetPassword({ token, password })));
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma.notification.count({ where: { userId: user.id, type: "PASSWORD_CHANGED" } })).toBe(1);
  });

  it("refuses an expired link, a verification link, and a malformed one with a field error", async () => {
    const user = await createUser();
    const expired = await issueAccountToken(prisma, "password-reset", user.id, new Date(Date.now() - 31 * 60_000));
    expect(await errorCode(anonymous().auth.resetPassword({ token: expired.token, password: "a good password" }))).toBe("BAD_REQUEST");
    const verification = await issueAccountToken(prisma, "verify-email", user.id, new Date());
    expect(await errorCode(anonymous().auth.resetPassword({ token: verification.token, password: "a good password" }))).toBe("BAD_REQUEST");
    // The other purpose's token is left alone.
    expect(await anonymous().auth.verifyEmail({ token: verification.token })).toEqual({ ok: true });

    expect(await fieldMessages(anonymous().auth.resetPassword({ token: "not-a-token", password: "short" }))).toEqual({
      token: ["This link is incomplete: open it from the e-mail again"],
      password: [expect.stringContaining("8")],
    });
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).password, user.password)).toBe(true);
  });

  it("limits requests per e-mail address whether or not it has an account", async () => {
    for (const email of [(await createUser()).email, `${unique("ghost")}@example.test`]) {
      for (let i = 0; i < passwordResetLimits.perEmail.points; i++) await from(`198.51.100.${40 + i}`).auth.requestPasswordReset({ email });
      expect(await errorCode(from("198.51.100.60").auth.requestPasswordReset({ email }))).toBe("TOO_MANY_REQUESTS");
    }
  });
});

describe("e-mail verification", () => {
  it("queues a confirmation e-mail on sign-up; the link verifies the address once", async () => {
    const email = `${unique("signup")}@example.test`;
    await anonymous().auth.register({ email, password: "a good password", name: "New" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.emailVerified).toBeNull();
    expect(await outbox(user.id)).toEqual([{ type: "EMAIL_VERIFICATION", emailStatus: "PENDING" }]);

    const { token } = await issueAccountToken(prisma, "verify-email", user.id, new Date());
    expect(await anonymous().auth.verifyEmail({ token })).toEqual({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    expect(await errorCode(anonymous().auth.verifyEmail({ token }))).toBe("BAD_REQUEST");
  });

  it("sends the confirmation again on request until the address is verified, within a limit", async () => {
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { emailVerified: null } });
    expect(await user.caller.auth.resendVerification()).toEqual({ sent: true });
    expect(await outbox(user.id)).toEqual([{ type: "EMAIL_VERIFICATION", emailStatus: "PENDING" }]);
    for (let i = 1; i < verificationResendLimit.points; i++) await user.caller.auth.resendVerification();
    expect(await errorCode(user.caller.auth.resendVerification())).toBe("TOO_MANY_REQUESTS");

    const verified = await createUser();
    await prisma.user.update({ where: { id: verified.id }, data: { emailVerified: new Date() } });
    expect(await verified.caller.auth.resendVerification()).toEqual({ sent: false });
    expect(await outbox(verified.id)).toEqual([]);
    expect(await errorCode(anonymous().auth.resendVerification())).toBe("UNAUTHORIZED");
  });
});

describe("changing the password while signed in", () => {
  it("voids reset links sent before and reports the change by e-mail", async () => {
    const user = await createUser();
    const { token } = await issueAccountToken(prisma, "password-reset", user.id, new Date());
    await user.caller.user.update({ currentPassword: user.password, newPassword: "changed on purpose" });
    expect(await outbox(user.id)).toEqual([{ type: "PASSWORD_CHANGED", emailStatus: "PENDING" }]);
    expect(await errorCode(anonymous().auth.resetPassword({ token, password: "an attacker's" }))).toBe("BAD_REQUEST");
  });
});
