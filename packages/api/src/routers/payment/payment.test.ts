import { createServer, type IncomingMessage, type Server } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@shop/db";
import { createInnerContext } from "../../context";
import { StripePaymentProvider, TestPaymentProvider, WebhookSignatureError } from "../../lib/payments";
import { callerFor, createProduct, createUser, errorCode, shippingAddress, unique } from "../../test/helpers";
import { handlePaymentWebhook } from "./webhook";

const WEBHOOK_SECRET = "whsec_test_secret_for_the_local_stub";

/** A local stand-in for Stripe's API: records requests, answers like Stripe would. */
interface StubRequest { method: string; path: string; body: URLSearchParams; idempotencyKey: string | undefined }
const requests: StubRequest[] = [];
let server: Server;
let stubUrl = "";

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = new URLSearchParams(await readBody(request));
    const path = request.url ?? "";
    requests.push({ method: request.method ?? "", path, body, idempotencyKey: request.headers["idempotency-key"] as string | undefined });
    const intentId = path.split("/")[3] ?? `pi_${requests.length}`;
    const reply = path.startsWith("/v1/refunds")
      ? { id: `re_${requests.length}`, object: "refund", status: "succeeded", amount: Number(body.get("amount")) }
      : request.method === "GET"
        ? { id: intentId, object: "payment_intent", status: "requires_payment_method", client_secret: "pi_secret_x" }
        : { id: `pi_stub_${requests.length}`, object: "payment_intent", status: "requires_payment_method", client_secret: "pi_secret_x", amount: Number(body.get("amount")) };
    response.writeHead(200, { "content-type": "application/json", "request-id": "req_stub" });
    response.end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  stubUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function pendingOrder(price = "19.99") {
  const customer = await createUser();
  const { variants } = await createProduct({ stock: 3, price });
  await customer.caller.cart.add({ variantId: variants[0]!.id, quantity: 1 });
  const order = await customer.caller.order.checkout({ idempotencyKey: unique("key"), address: shippingAddress });
  return { customer, order };
}

describe("payments through the Stripe provider (local stub, no network)", () => {
  const stripeProvider = () => new StripePaymentProvider("sk_test_stub", WEBHOOK_SECRET, stubUrl);

  it("creates a PaymentIntent for the order total in cents, idempotently; the browser confirms it, never the server", async () => {
    const { customer, order } = await pendingOrder("19.99");
    const caller = callerFor(customer.session, { payments: stripeProvider() });
    const { payment, clientSecret } = await caller.payment.createIntent({ orderId: order.id });
    expect(clientSecret).toBe("pi_secret_x");
    expect(payment.provider).toBe("STRIPE");
    const created = requests.find((r) => r.path === "/v1/payment_intents" && r.body.get("metadata[orderId]") === order.id)!;
    // 19.99 + 5.00 flat shipping = 24.99 USD = 2499 cents.
    expect(order.total.toFixed(2)).toBe("24.99");
    expect(created.body.get("amount")).toBe("2499");
    expect(created.body.get("currency")).toBe("usd");
    expect(created.idempotencyKey).toBe(`order-${order.id}-payment`);

    // Asking again resumes the open intent, with its client secret for the card form.
    const again = await caller.payment.createIntent({ orderId: order.id });
    expect(again.payment.id).toBe(payment.id);
    expect(again.clientSecret).toBe("pi_secret_x");

    // No card passes through the server: Stripe.js confirms in the browser.
    const before = requests.length;
    expect(await errorCode(caller.payment.confirm({ orderId: order.id }))).toBe("BAD_REQUEST");
    expect(requests.slice(before).filter((r) => r.path.endsWith("/confirm"))).toEqual([]);
    expect((await caller.order.byId({ id: order.id })).status).toBe("PENDING");
  });

  it("verifies webhook signatures with Stripe's own scheme and applies each event once", async () => {
    const { customer, order } = await pendingOrder();
    const provider = stripeProvider();
    const { payment } = await callerFor(customer.session, { payments: provider }).payment.createIntent({ orderId: order.id });
    const ref = (await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).providerRef!;
    const payload = JSON.stringify({
      id: unique("evt"),
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: ref, object: "payment_intent", status: "succeeded" } },
    });
    const signature = new Stripe("sk_test_stub").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const ctx = createInnerContext({ session: null, payments: provider });

    expect(() => provider.parseWebhook(payload, "t=1,v1=deadbeef")).toThrow(WebhookSignatureError);
    await expect(handlePaymentWebhook(ctx, payload.replace("succeeded", "canceled"), signature)).rejects.toThrow(WebhookSignatureError);

    const results = await Promise.all([1, 2, 3].map(() => handlePaymentWebhook(ctx, payload, signature)));
    expect(results.map((r) => r.status).sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect(await prisma.paymentEvent.count({ where: { paymentId: payment.id } })).toBe(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  });
});

describe("payments through the test provider", () => {
  const provider = new TestPaymentProvider("whsec_local_test_provider_secret");

  it("settles a payment end to end and refuses to pay twice", async () => {
    const { customer, order } = await pendingOrder();
    await customer.caller.payment.createIntent({ orderId: order.id });
    await customer.caller.payment.confirm({ orderId: order.id });
    const status = await customer.caller.payment.status({ orderId: order.id });
    expect(status.orderStatus).toBe("PAID");
    expect(status.payments[0]?.status).toBe("SUCCEEDED");
    expect(await errorCode(customer.caller.payment.createIntent({ orderId: order.id }))).toBe("BAD_REQUEST");
    expect(await errorCode(customer.caller.payment.confirm({ orderId: order.id }))).toBe("BAD_REQUEST");
  });

  it("lets a customer try again after a declined payment", async () => {
    const { customer, order } = await pendingOrder();
    // A provider whose first charge is declined, as a card can be.
    const declinedOnce = new (class extends TestPaymentProvider {
      private declined = false;
      override async confirm() {
        if (this.declined) return super.confirm();
        this.declined = true;
        return "FAILED" as const;
      }
    })("whsec_local_test_provider_secret");
    const caller = callerFor(customer.session, { payments: declinedOnce });
    const first = await caller.payment.createIntent({ orderId: order.id });
    expect((await caller.payment.confirm({ orderId: order.id })).status).toBe("FAILED");
    expect((await caller.order.byId({ id: order.id })).status).toBe("PENDING");

    const retry = await caller.payment.createIntent({ orderId: order.id });
    expect(retry.payment.id).not.toBe(first.payment.id);
    expect((await caller.payment.confirm({ orderId: order.id })).status).toBe("SUCCEEDED");
    expect((await caller.order.byId({ id: order.id })).status).toBe("PAID");
  });

  it("never lets a customer pay or see someone else's order", async () => {
    const { order } = await pendingOrder();
    const stranger = await createUser();
    expect(await errorCode(stranger.caller.payment.createIntent({ orderId: order.id }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.caller.payment.status({ orderId: order.id }))).toBe("NOT_FOUND");
  });

  it("rejects a bad or stale signature, ignores unknown payments, and applies a refund once", async () => {
    const { customer, order } = await pendingOrder();
    const { payment } = await customer.caller.payment.createIntent({ orderId: order.id });
    await customer.caller.payment.confirm({ orderId: order.id });
    const ref = (await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).providerRef!;
    const ctx = createInnerContext({ session: null, payments: provider });

    const refund = JSON.stringify({ id: unique("evt"), type: "charge.refunded", providerRef: ref, status: "REFUNDED" });
    await expect(handlePaymentWebhook(ctx, refund, provider.sign(refund, Math.floor(Date.now() / 1000) - 3_600))).rejects.toThrow(WebhookSignatureError);
    await expect(handlePaymentWebhook(ctx, refund, null)).rejects.toThrow(WebhookSignatureError);

    expect((await handlePaymentWebhook(ctx, refund, provider.sign(refund))).status).toBe("applied");
    expect((await handlePaymentWebhook(ctx, refund, provider.sign(refund))).status).toBe("duplicate");
    const refunded = await prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(refunded.status).toBe("REFUNDED");
    expect(refunded.refundedAmount.toFixed(2)).toBe(refunded.amount.toFixed(2));
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("REFUNDED");

    const stray = JSON.stringify({ id: unique("evt"), type: "payment_intent.succeeded", providerRef: "test_pi_unknown", status: "SUCCEEDED" });
    expect((await handlePaymentWebhook(ctx, stray, provider.sign(stray))).status).toBe("ignored");
  });
});
