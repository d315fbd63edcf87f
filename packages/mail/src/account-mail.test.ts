import { createInnerContext, readSettings } from "@shop/api";
import { env, prisma } from "@shop/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, createUser, unique } from "../../api/src/test/helpers";
import { flushOutbox, type OutboxDeps } from "./outbox";
import { startTestSmtpServer, tokenLink, type TestSmtpServer } from "./testing";
import { createMailTransport } from "./transport";

let smtp: TestSmtpServer;
let deps: OutboxDeps;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const ctx = createInnerContext({ session: null });
  deps = {
    db: prisma,
    clock: () => new Date(),
    transport: createMailTransport(smtp.url)!,
    brand: async () => ({ storeName: (await readSettings(ctx))["store.name"], storefrontUrl: env().STOREFRONT_URL }),
  };
});
afterAll(() => smtp.close());

/** The storefront link the mail carries to `path`, with its token. */
function linkIn(mail: TestSmtpServer["messages"][number], path: string): URL {
  const link = tokenLink(mail, path);
  expect(link?.origin, `a ${path} link in:\n${mail.text}`).toBe(new URL(env().STOREFRONT_URL).origin);
  return link!;
}

describe("account e-mails through the outbox", () => {
  it("mails a password reset link that works once, then mails that the password changed", async () => {
    const user = await createUser();
    await anonymous().auth.requestPasswordReset({ email: user.email });
    expect(await flushOutbox(deps)).toMatchObject({ sent: 1, failed: 0 });

    const [mail] = smtp.to(user.email);
    expect(mail!.subject).toBe("Reset your Shop password");
    const link = linkIn(mail!, "/reset-password");
    expect(mail!.html).toContain(link.href.replace(/&/g, "&amp;"));
    // The mail's token is stored only as its digest.
    const token = link.searchParams.get("token")!;
    expect(await prisma.verificationToken.count({ where: { token } })).toBe(0);
    expect(await prisma.verificationToken.count({ where: { identifier: `password-reset:${user.id}` } })).toBe(1);

    await anonymous().auth.resetPassword({ token, password: "chosen from the e-mail" });
    await expect(anonymous().auth.resetPassword({ token, password: "again" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await flushOutbox(deps);
    expect(smtp.to(user.email).map((sent) => sent.subject)).toEqual(["Reset your Shop password", "Your Shop password was changed"]);
    expect(smtp.to(user.email)[1]!.text).toContain(`${env().STOREFRONT_URL}/forgot-password`);
  });

  it("mails nothing for an address without an account", async () => {
    const before = smtp.messages.length;
    const email = `${unique("nobody")}@example.test`;
    await anonymous().auth.requestPasswordReset({ email });
    await flushOutbox(deps);
    expect(smtp.messages.length).toBe(before);
  });

  it("mails a new customer a link that confirms the address", async () => {
    const email = `${unique("welcome")}@example.test`;
    await anonymous().auth.register({ email, password: "a good password", name: "Welcome" });
    await flushOutbox(deps);
    const [mail, ...more] = smtp.to(email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Confirm your e-mail address for Shop");
    const token = linkIn(mail!, "/verify-email").searchParams.get("token")!;
    await anonymous().auth.verifyEmail({ token });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeInstanceOf(Date);
  });
});
