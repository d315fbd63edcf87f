import { createInnerContext, readSettings } from "@shop/api";
import { env, overrideEnv, prisma } from "@shop/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkoutOne, createProduct, createUser, payOrder } from "../../api/src/test/helpers";
import { flushOutbox, type OutboxDeps } from "./outbox";
import { startTestSmtpServer, type TestSmtpServer } from "./testing";
import { createMailTransport } from "./transport";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.close());

/** The worker's outbox dependencies, with a clock the test moves. */
function outbox(now = { at: Date.now() }): OutboxDeps & { now: { at: number } } {
  const ctx = createInnerContext({ session: null });
  return {
    db: prisma,
    clock: () => new Date(now.at),
    transport: createMailTransport(smtp.url)!,
    brand: async () => ({ storeName: (await readSettings(ctx))["store.name"], storefrontUrl: env().STOREFRONT_URL }),
    now,
  };
}

const emailOf = (userId: string) =>
  prisma.notification.findMany({ where: { userId }, select: { type: true, emailStatus: true, emailAttempts: true, emailError: true, emailNextAttemptAt: true }, orderBy: { createdAt: "asc" } });

describe("the e-mail outbox", () => {
  it("sends one e-mail for an order placed, with its number and total, and never a second", async () => {
    const buyer = await createUser();
    const { variants } = await createProduct({ stock: 5, price: "24.50" });
    const order = await checkoutOne(buyer.caller, variants[0]!.id, 2);
    expect(await emailOf(buyer.id)).toMatchObject([{ type: "ORDER_PLACED", emailStatus: "PENDING" }]);

    const deps = outbox();
    expect(await flushOutbox(deps)).toMatchObject({ sent: 1, failed: 0 });
    expect(await flushOutbox(deps)).toMatchObject({ sent: 0 });

    const [mail, ...more] = smtp.to(buyer.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Order #${order.number} placed`);
    // The order's total as the shop shows it (2 × 24.50, plus shipping and tax), in both parts.
    const total = `$${order.total.toFixed(2)}`;
    expect(mail!.text).toContain(`Total  ${total}`);
    expect(mail!.html).toContain(total);
    expect(mail!.html).toContain(`/orders/${order.id}`);
    expect(mail!.from?.value[0]).toEqual({ name: "Shop", address: env().MAIL_FROM });
    expect(await emailOf(buyer.id)).toMatchObject([{ emailStatus: "SENT", emailAttempts: 1, emailError: null }]);
  });

  it("mails a payment with the amount received", async () => {
    const buyer = await createUser();
    const { variants } = await createProduct({ stock: 1, price: "12.00" });
    const order = await checkoutOne(buyer.caller, variants[0]!.id);
    await payOrder(buyer.caller, order.id);
    await flushOutbox(outbox());
    const subjects = smtp.to(buyer.email).map((mail) => mail.subject);
    expect(subjects).toEqual([`Order #${order.number} placed`, `Order #${order.number} is paid`]);
    expect(smtp.to(buyer.email)[1]!.text).toContain(`We received $${order.total.toFixed(2)} for order #${order.number}`);
  });

  it("retries with back-off while the SMTP server is down, then delivers once it is back, once", async () => {
    const buyer = await createUser();
    const { variants } = await createProduct({ stock: 1 });
    await checkoutOne(buyer.caller, variants[0]!.id);
    const deps = outbox();

    await smtp.stop();
    try {
      expect(await flushOutbox(deps)).toMatchObject({ sent: 0, deferred: 1 });
      const [waiting] = await emailOf(buyer.id);
      expect(waiting).toMatchObject({ emailStatus: "PENDING", emailAttempts: 1, emailError: expect.stringMatching(/ECONNREFUSED/) });
      // One minute after the first failure, then doubling.
      expect(waiting!.emailNextAttemptAt!.getTime() - deps.now.at).toBe(60_000);
      expect(await flushOutbox(deps)).toMatchObject({ sent: 0, deferred: 0 });
      deps.now.at += 60_000;
      expect(await flushOutbox(deps)).toMatchObject({ deferred: 1 });
      expect((await emailOf(buyer.id))[0]!.emailNextAttemptAt!.getTime() - deps.now.at).toBe(120_000);
    } finally {
      await smtp.start();
    }
    deps.now.at += 120_000;
    expect(await flushOutbox(deps)).toMatchObject({ sent: 1 });
    deps.now.at += 3_600_000;
    expect(await flushOutbox(deps)).toMatchObject({ sent: 0 });
    expect(smtp.to(buyer.email)).toHaveLength(1);
    expect(await emailOf(buyer.id)).toMatchObject([{ emailStatus: "SENT", emailAttempts: 3 }]);
  });

  it("gives up after MAIL_MAX_ATTEMPTS, and at once when the server refuses the message for good", async () => {
    const buyer = await createUser();
    const { variants } = await createProduct({ stock: 2 });
    await checkoutOne(buyer.caller, variants[0]!.id);
    const refusing = await startTestSmtpServer({
      onMessage: () => {
        throw Object.assign(new Error("mailbox unavailable"), { responseCode: 550 });
      },
    });
    try {
      const deps = { ...outbox(), transport: createMailTransport(refusing.url)! };
      expect(await flushOutbox(deps)).toMatchObject({ failed: 1 });
      expect(await emailOf(buyer.id)).toMatchObject([{ emailStatus: "FAILED", emailAttempts: 1, emailError: expect.stringMatching(/550/) }]);
    } finally {
      await refusing.close();
    }
  });

  it("holds a recipient's e-mails beyond the hourly limit until the hour rolls on, and drops none", async () => {
    overrideEnv({ MAIL_PER_RECIPIENT_PER_HOUR: "2" });
    try {
      const buyer = await createUser();
      const { variants } = await createProduct({ stock: 3 });
      for (let i = 0; i < 3; i++) await checkoutOne(buyer.caller, variants[0]!.id);
      const deps = outbox();
      expect(await flushOutbox(deps)).toMatchObject({ sent: 2, deferred: 1 });
      const held = (await emailOf(buyer.id)).find((row) => row.emailStatus === "PENDING")!;
      expect(held.emailAttempts).toBe(0);
      expect(held.emailNextAttemptAt!.getTime()).toBe(deps.now.at + 3_600_000);
      deps.now.at += 3_600_000;
      expect(await flushOutbox(deps)).toMatchObject({ sent: 1 });
      expect(smtp.to(buyer.email)).toHaveLength(3);
    } finally {
      overrideEnv({ MAIL_PER_RECIPIENT_PER_HOUR: undefined });
    }
  });

  it("lets two workers flush at once without sending anything twice", async () => {
    const buyers = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    const { variants } = await createProduct({ stock: 10 });
    for (const buyer of buyers) await checkoutOne(buyer.caller, variants[0]!.id);
    const results = await Promise.all([flushOutbox(outbox()), flushOutbox(outbox())]);
    expect(results[0]!.sent + results[1]!.sent).toBe(6);
    for (const buyer of buyers) expect(smtp.to(buyer.email)).toHaveLength(1);
  });

  it("marks an e-mail left SENDING by a stopped worker as FAILED, and never sends it again", async () => {
    const buyer = await createUser();
    const { variants } = await createProduct({ stock: 1 });
    await checkoutOne(buyer.caller, variants[0]!.id);
    // What a worker that stopped between the SMTP server's answer and the mark leaves behind.
    const claimedAt = new Date();
    await prisma.notification.updateMany({ where: { userId: buyer.id }, data: { emailStatus: "SENDING", emailClaimedAt: claimedAt, emailAttempts: 1 } });

    const deps = outbox({ at: claimedAt.getTime() + 1_000 });
    expect(await flushOutbox(deps)).toMatchObject({ sent: 0, interrupted: 0 });
    deps.now.at = claimedAt.getTime() + 2 * env().MAIL_SEND_TIMEOUT_MS + 1;
    expect(await flushOutbox(deps)).toMatchObject({ sent: 0, interrupted: 1 });
    expect(await emailOf(buyer.id)).toMatchObject([{ emailStatus: "FAILED", emailError: expect.stringMatching(/interrupted/) }]);
    expect(smtp.to(buyer.email)).toHaveLength(0);
  });
});
