import { createCaller, createInnerContext, TestPaymentProvider } from "@shop/api";
import { prisma } from "@shop/db";
import { pollUntil as until } from "@shop/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { spawnWorker, type WorkerProcess } from "./testing/process";

const running: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of running) worker.child.kill("SIGKILL");
});

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}`;

/** A customer's API caller whose clock is `minutesAgo` in the past, and a variant stocked with `stock`. */
async function shopper(stock: number, minutesAgo: number, payments = new TestPaymentProvider("whsec_local_test_provider_secret")) {
  const user = await prisma.user.create({ data: { email: `${unique("buyer")}@example.test`, roles: { create: { role: "CUSTOMER" } } } });
  const category = await prisma.category.create({ data: { name: "Jobs", slug: unique("jobs") } });
  const product = await prisma.product.create({
    data: { name: "Lamp", slug: unique("lamp"), price: "30.00", categoryId: category.id, variants: { create: { sku: unique("LAMP"), price: "30.00", inventory: { create: {} } } } },
    include: { variants: true },
  });
  const variantId = product.variants[0]!.id;
  await prisma.inventoryTransaction.create({ data: { variantId, delta: stock, reason: "RESTOCK" } });
  const clock = () => new Date(Date.now() - minutesAgo * 60_000);
  const session = { user: { id: user.id, email: user.email, roles: ["CUSTOMER" as const] } };
  return { variantId, caller: createCaller(createInnerContext({ session, payments, clock })), payments };
}

const stock = (variantId: string) => prisma.inventory.findUniqueOrThrow({ where: { variantId }, select: { onHand: true, reserved: true } });

describe("the worker runs the money path's jobs", () => {
  it("expires an unpaid order once its hold has ended, and its stock comes back", async () => {
    const worker = spawnWorker();
    running.push(worker);
    await worker.started();

    // Checked out 31 minutes ago: the default 30-minute hold is over, and its expiry job is due.
    const { variantId, caller } = await shopper(2, 31);
    await caller.cart.add({ variantId, quantity: 2 });
    const order = await caller.order.checkout({ idempotencyKey: unique("checkout"), address: { street: "1 St", city: "C", state: "S", zipCode: "1", country: "US" } });
    expect(await stock(variantId)).toEqual({ onHand: 2, reserved: 2 });

    await until("the worker to expire the order", async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status === "EXPIRED", 30_000);
    expect(await stock(variantId)).toEqual({ onHand: 2, reserved: 0 });
    // The order's own expiry job did it (its log line may arrive just after the write).
    await until("the expiry job's log", () => /"queue":"order\.expire","jobId":"[^"]+","attempt":1,.*"result":true/.test(worker.output()));

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it("sends a refund the provider refused at first, once it answers again", async () => {
    // The API process's provider is down when staff refund; the worker's (the test provider) is up.
    const down = new (class extends TestPaymentProvider {
      override async refund(): Promise<{ providerRef: string }> {
        throw new Error("provider unreachable");
      }
    })("whsec_local_test_provider_secret");
    const { variantId, caller } = await shopper(1, 0, down);
    await caller.cart.add({ variantId, quantity: 1 });
    const order = await caller.order.checkout({ idempotencyKey: unique("checkout"), address: { street: "1 St", city: "C", state: "S", zipCode: "1", country: "US" } });
    await caller.payment.createIntent({ orderId: order.id });
    await caller.payment.confirm({ orderId: order.id });
    const staff = await prisma.user.create({ data: { email: `${unique("staff")}@example.test`, roles: { create: { role: "STAFF" } } } });
    const staffCaller = createCaller(createInnerContext({ session: { user: { id: staff.id, email: staff.email, roles: ["STAFF"] } }, payments: down }));
    await staffCaller.admin.order.refund({ id: order.id, amount: "12.00" });
    const refund = await prisma.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    expect(refund).toMatchObject({ status: "PENDING", attempts: 1 });

    const worker = spawnWorker();
    running.push(worker);
    await worker.started();
    await until("the worker to send the refund", async () => (await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).status === "SUCCEEDED", 30_000);
    const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect([payment.status, payment.refundedAmount.toFixed(2)]).toEqual(["PARTIALLY_REFUNDED", "12.00"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedTotal.toFixed(2)).toBe("12.00");

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});
