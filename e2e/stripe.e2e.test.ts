import { TestPaymentProvider } from "@shop/api";
import { prisma } from "@shop/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripeStub, type StripeStub } from "../packages/api/src/test/stripe-stub";
import { customerAccount } from "../scripts/seed/run";
import { useShop } from "./support/shop";
import { loaded, screenshot, signIn } from "./support/browser";

// Fake keys of the right kinds: the Stripe SDK talks to the local stub, and Stripe.js never loads here.
const WEBHOOK_SECRET = "whsec_e2e_stripe_webhook_secret";
const customer = customerAccount(1);

let stub: StripeStub;
beforeAll(async () => {
  stub = await startStripeStub();
});
afterAll(async () => {
  await stub?.close();
});

// Registered after the stub's hooks: the apps start once it listens and stop before it closes.
const shop = useShop({
  seed: { products: 8, customers: 1, orders: 0 },
  env: () => ({
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_e2e_stub",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: "pk_test_e2e_stub",
    STRIPE_API_URL: stub.url,
  }),
});

/** A signed-in customer's page on which every request for Stripe.js fails, as it does with no network; counts the attempts. */
async function customerPage(): Promise<{ page: Page; stripeJsRequests: () => number }> {
  const page = await shop.page();
  let attempts = 0;
  await page.route("https://js.stripe.com/**", (route) => {
    attempts++;
    return route.abort("internetdisconnected");
  });
  await signIn(page, shop.apps.storefront, customer.email, customer.password);
  await page.waitForURL(`${shop.apps.storefront}/`);
  return { page, stripeJsRequests: () => attempts };
}

/**
 * Puts one in-stock product in the cart and places the order at checkout (the seeded
 * saved address); stops at the payment step. Until then nothing asks for Stripe.js: the
 * storefront loads it only to take a card.
 */
async function placeOrder(page: Page, stripeJsRequests: () => number) {
  const product = await prisma.product.findFirstOrThrow({
    where: { status: "ACTIVE", variants: { some: { isActive: true, inventory: { onHand: { gte: 5 } } } } },
    select: { slug: true },
    orderBy: { name: "asc" },
  });
  await page.goto(`${shop.apps.storefront}/p/${product.slug}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("status").filter({ hasText: "Added to cart" }).waitFor();
  await page.goto(`${shop.apps.storefront}/checkout`);
  await loaded(page);
  expect(stripeJsRequests()).toBe(0);
  await page.getByRole("button", { name: "Place order" }).click();
  const placed = await page.getByText(/Order #\d+ is placed/).textContent();
  const number = Number(/#(\d+)/.exec(placed ?? "")?.[1]);
  return prisma.order.findUniqueOrThrow({ where: { number }, select: { id: true, number: true, total: true } });
}

/** The order's Stripe payment once createIntent has made it (the storefront asks the stub for a PaymentIntent). */
async function stripePayment(orderId: string) {
  await expect.poll(() => prisma.payment.count({ where: { orderId, provider: "STRIPE" } }), { timeout: 20_000 }).toBe(1);
  return prisma.payment.findFirstOrThrow({ where: { orderId, provider: "STRIPE" }, select: { id: true, providerRef: true, status: true } });
}

/** Waits for the payment step to give up on Stripe.js and say so, with no spinner left. */
async function expectCardPaymentUnavailable(page: Page) {
  const alert = page.getByTestId("card-payment-unavailable");
  await alert.waitFor({ timeout: 30_000 });
  expect(await alert.textContent()).toMatch(/Card payment could not load.*check your internet connection.*order is kept until \d/s);
  expect(await page.getByRole("status").filter({ hasText: "Loading card payment" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Pay now" }).count()).toBe(0);
}

/** Sends the storefront's webhook what Stripe would after a card payment succeeded, signed in Stripe's scheme. */
async function sendStripeEvent(type: string, intentId: string) {
  const payload = JSON.stringify({
    id: `evt_e2e_${intentId}_${type}`,
    object: "event",
    type,
    data: { object: { id: intentId, object: "payment_intent", status: "succeeded" } },
  });
  // The test provider signs exactly as Stripe does (t=…,v1=HMAC-SHA256 of "t.payload").
  const signature = new TestPaymentProvider(WEBHOOK_SECRET).sign(payload);
  const response = await fetch(`${shop.apps.storefront}/api/webhooks/payment`, { method: "POST", body: payload, headers: { "stripe-signature": signature } });
  expect(response.status).toBe(200);
}

describe("paying with Stripe when Stripe.js cannot load", () => {
  it("checkout opens a PaymentIntent, then says clearly that card payment could not load, and retries on request", async () => {
    const { page, stripeJsRequests } = await customerPage();
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));

    const order = await placeOrder(page, stripeJsRequests);
    const payment = await stripePayment(order.id);
    const created = stub.requests.find((request) => request.path === "/v1/payment_intents" && request.body.get("metadata[orderId]") === order.id);
    expect(created?.body.get("currency")).toBe("usd");
    expect(payment.providerRef).toMatch(/^pi_stub_/);

    await expectCardPaymentUnavailable(page);
    expect(await page.getByTestId("amount-due").textContent()).toContain(order.total.toFixed(2));
    expect(await screenshot(page, "storefront-stripe-unavailable")).toBeGreaterThan(20);
    const firstAttempts = stripeJsRequests();
    expect(firstAttempts).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Try again" }).click();
    await expect.poll(stripeJsRequests, { timeout: 20_000 }).toBeGreaterThan(firstAttempts);
    await expectCardPaymentUnavailable(page);

    // Nothing was paid and nothing threw in the page.
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("PENDING");
    expect(errors).toEqual([]);
  });

  it("back from a 3-D Secure step that went through, the order page waits for Stripe's webhook and then shows the order paid", async () => {
    const { page, stripeJsRequests } = await customerPage();
    const order = await placeOrder(page, stripeJsRequests);
    const payment = await stripePayment(order.id);
    await expectCardPaymentUnavailable(page);

    // Where Stripe sends the customer back after a redirect-based card step.
    const secret = `${payment.providerRef}_secret_stub`;
    await page.goto(`${shop.apps.storefront}/orders/${order.id}?payment_intent=${payment.providerRef}&payment_intent_client_secret=${secret}&redirect_status=succeeded`);
    await expect(page.getByTestId("payment-confirmation").textContent()).resolves.toContain("Waiting for confirmation");
    expect(await page.getByRole("button", { name: "Pay now" }).count()).toBe(0);
    expect(await page.getByTestId("order-status").textContent()).toBe("Pending");

    await sendStripeEvent("payment_intent.succeeded", payment.providerRef!);
    await expect.poll(() => page.getByTestId("order-status").textContent(), { timeout: 20_000 }).toBe("Paid");
    expect(await page.getByTestId("payment-status").first().textContent()).toBe("Succeeded");
  });

  it("back from a card step that failed, the order page says nothing was charged and offers to pay again", async () => {
    const { page, stripeJsRequests } = await customerPage();
    const order = await placeOrder(page, stripeJsRequests);
    const payment = await stripePayment(order.id);

    await page.goto(`${shop.apps.storefront}/orders/${order.id}?payment_intent=${payment.providerRef}&payment_intent_client_secret=${payment.providerRef}_secret_stub&redirect_status=failed`);
    await expect(page.getByRole("alert").filter({ hasText: "Your card was not charged" }).textContent()).resolves.toContain("Please try again");
    // Paying again resumes the open PaymentIntent. While createIntent hands back no client
    // secret on resume, the page says card payment is unavailable for now; once it does, it
    // loads Stripe.js, which cannot load here. Either way: words, a retry, no spinner, no card form.
    await page.getByRole("alert").filter({ hasText: /Card payment (could not load|is not available)/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(1);
    expect(await page.getByRole("status").filter({ hasText: /Loading card payment|Preparing payment/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Pay now" }).count()).toBe(0);
  });
});
