import { createCaller, createInnerContext } from "@shop/api";
import { prisma } from "@shop/db";
import { pollUntil } from "@shop/db/testing";
import { enqueue } from "@shop/jobs";
import { startTestSmtpServer, type TestSmtpServer } from "@shop/mail/testing";
import { afterAll, describe, expect, it } from "vitest";
import { spawnWorker, type WorkerProcess } from "./testing/process";

const running: WorkerProcess[] = [];
const servers: TestSmtpServer[] = [];
afterAll(async () => {
  for (const worker of running) worker.child.kill("SIGKILL");
  await Promise.all(servers.map((server) => server.close()));
});

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}`;

async function startedWorker(smtpUrl: string) {
  // A short send timeout, so a row left SENDING counts as interrupted after 2 s.
  const worker = spawnWorker({ env: { SMTP_URL: smtpUrl, MAIL_SEND_TIMEOUT_MS: "1000" } });
  running.push(worker);
  await worker.started();
  return worker;
}

/** A customer who checks out one lamp; their order's ORDER_PLACED notification is the e-mail. */
async function placeOrder() {
  const user = await prisma.user.create({ data: { email: `${unique("buyer")}@example.test`, roles: { create: { role: "CUSTOMER" } } } });
  const category = await prisma.category.create({ data: { name: "Mail", slug: unique("mail") } });
  const product = await prisma.product.create({
    data: { name: "Lamp", slug: unique("lamp"), price: "30.00", categoryId: category.id, variants: { create: { sku: unique("LAMP"), price: "30.00", inventory: { create: {} } } } },
    include: { variants: true },
  });
  const variantId = product.variants[0]!.id;
  await prisma.inventoryTransaction.create({ data: { variantId, delta: 1, reason: "RESTOCK" } });
  const caller = createCaller(createInnerContext({ session: { user: { id: user.id, email: user.email, roles: ["CUSTOMER"] } } }));
  await caller.cart.add({ variantId, quantity: 1 });
  const order = await caller.order.checkout({ idempotencyKey: unique("checkout"), address: { street: "1 St", city: "C", state: "S", zipCode: "1", country: "US" } });
  return { user, order };
}


describe("the worker's mailer", () => {
  it("e-mails an order placed within seconds: the checkout wakes it", async () => {
    const smtp = await startTestSmtpServer();
    servers.push(smtp);
    const worker = await startedWorker(smtp.url);
    const { user, order } = await placeOrder();
    await pollUntil("the order's e-mail at the SMTP server", () => smtp.to(user.email).length > 0, 20_000);
    expect(smtp.to(user.email).map((mail) => mail.subject)).toEqual([`Order #${order.number} placed`]);
    expect(await prisma.notification.findFirstOrThrow({ where: { userId: user.id }, select: { emailStatus: true } })).toEqual({ emailStatus: "SENT" });
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("sends nothing twice when the worker is killed between the send and the mark", async () => {
    const sender: { worker?: WorkerProcess } = {};
    const smtp = await startTestSmtpServer({
      // The message has reached the server; the worker dies before it hears the answer.
      onMessage: async () => {
        sender.worker?.child.kill("SIGKILL");
        await sender.worker?.exited;
      },
    });
    servers.push(smtp);
    const first = (sender.worker = await startedWorker(smtp.url));
    const { user } = await placeOrder();
    expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await prisma.notification.findFirstOrThrow({ where: { userId: user.id }, select: { emailStatus: true } })).toEqual({ emailStatus: "SENDING" });

    // The next worker finds the row abandoned (SENDING for twice the send timeout) and does not resend it.
    await startedWorker(smtp.url);
    const row = await pollUntil("the abandoned e-mail to be marked FAILED", async () => {
      await enqueue(prisma, "mail.flush", {});
      const current = await prisma.notification.findFirstOrThrow({ where: { userId: user.id }, select: { emailStatus: true, emailError: true } });
      return current.emailStatus === "FAILED" ? current : undefined;
    }, 20_000, 500);
    expect(row.emailError).toMatch(/interrupted while sending/);
    expect(smtp.to(user.email)).toHaveLength(1);
  }, 90_000);
});
