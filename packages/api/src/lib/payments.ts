import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import Stripe from "stripe";
import { env, type PaymentProvider as ProviderName, type PaymentStatus, Prisma } from "@shop/db";
import { toMinorUnits } from "./money";

export interface CreateIntentInput {
  orderId: string;
  amount: Prisma.Decimal;
  currency: string;
  idempotencyKey: string;
}

export interface Intent {
  providerRef: string;
  clientSecret: string | null;
  status: PaymentStatus;
}

/** A verified provider event, reduced to what the shop acts on. */
export interface ProviderEvent {
  id: string;
  type: string;
  providerRef: string | null;
  /** The payment status the event implies, or null for events the shop ignores. */
  status: PaymentStatus | null;
  payload: Prisma.InputJsonValue;
}

export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
}

/** What the shop needs from a payment provider; Stripe in production, `test` locally. */
export interface PaymentProvider {
  readonly name: ProviderName;
  createIntent(input: CreateIntentInput): Promise<Intent>;
  /** Test mode only in practice: settles an intent as a customer's card would. */
  confirm(providerRef: string): Promise<PaymentStatus>;
  refund(providerRef: string, amount: Prisma.Decimal, currency: string, idempotencyKey: string): Promise<void>;
  /** Verifies the signature and parses the event; throws WebhookSignatureError. */
  parseWebhook(payload: string, signature: string | null): ProviderEvent;
}

const stripeStatuses: Record<string, PaymentStatus> = {
  "payment_intent.succeeded": "SUCCEEDED",
  "payment_intent.payment_failed": "FAILED",
  "payment_intent.canceled": "CANCELLED",
  "payment_intent.processing": "PROCESSING",
  "charge.refunded": "REFUNDED",
};

const intentStatuses: Record<string, PaymentStatus> = {
  succeeded: "SUCCEEDED",
  processing: "PROCESSING",
  canceled: "CANCELLED",
};

export class StripePaymentProvider implements PaymentProvider {
  readonly name = "STRIPE" as const;
  private readonly stripe: Stripe;

  constructor(
    secretKey: string,
    private readonly webhookSecret: string,
    apiUrl?: string,
  ) {
    const url = apiUrl ? new URL(apiUrl) : null;
    this.stripe = new Stripe(secretKey, {
      maxNetworkRetries: 2,
      timeout: 10_000,
      ...(url && { host: url.hostname, port: url.port, protocol: url.protocol.replace(":", "") as "http" | "https" }),
    });
  }

  async createIntent(input: CreateIntentInput): Promise<Intent> {
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: toMinorUnits(input.amount, input.currency),
        currency: input.currency.toLowerCase(),
        metadata: { orderId: input.orderId },
        automatic_payment_methods: { enabled: true },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return { providerRef: intent.id, clientSecret: intent.client_secret, status: intentStatuses[intent.status] ?? "REQUIRES_PAYMENT" };
  }

  async confirm(providerRef: string): Promise<PaymentStatus> {
    const intent = await this.stripe.paymentIntents.confirm(providerRef, { payment_method: "pm_card_visa" });
    return intentStatuses[intent.status] ?? "REQUIRES_PAYMENT";
  }

  async refund(providerRef: string, amount: Prisma.Decimal, currency: string, idempotencyKey: string): Promise<void> {
    await this.stripe.refunds.create({ payment_intent: providerRef, amount: toMinorUnits(amount, currency) }, { idempotencyKey });
  }

  parseWebhook(payload: string, signature: string | null): ProviderEvent {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(payload, signature ?? "", this.webhookSecret);
    } catch (error) {
      throw new WebhookSignatureError(`Stripe webhook rejected: ${(error as Error).message}`);
    }
    const object = event.data.object as { id?: string; object?: string; payment_intent?: string | null };
    const providerRef = object.object === "payment_intent" ? (object.id ?? null) : (object.payment_intent ?? null);
    return { id: event.id, type: event.type, providerRef, status: stripeStatuses[event.type] ?? null, payload: JSON.parse(payload) };
  }
}

/**
 * Settles payments locally with no network: intents succeed when confirmed, and
 * webhooks are HMAC-signed like Stripe's (header `t=<unix>,v1=<hex>`), so the
 * storefront's checkout and the webhook path work end to end in dev and tests.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = "MANUAL" as const;
  constructor(private readonly webhookSecret: string) {}

  async createIntent(): Promise<Intent> {
    const providerRef = `test_pi_${randomUUID()}`;
    return { providerRef, clientSecret: `${providerRef}_secret`, status: "REQUIRES_PAYMENT" };
  }

  async confirm(): Promise<PaymentStatus> {
    return "SUCCEEDED";
  }

  async refund(): Promise<void> {}

  /** Signs a payload as this provider's webhooks are signed (for tests and dev tools). */
  sign(payload: string, timestamp = Math.floor(Date.now() / 1000)): string {
    const digest = createHmac("sha256", this.webhookSecret).update(`${timestamp}.${payload}`).digest("hex");
    return `t=${timestamp},v1=${digest}`;
  }

  parseWebhook(payload: string, signature: string | null): ProviderEvent {
    const parts = Object.fromEntries((signature ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
    const timestamp = Number(parts.t);
    const expected = Buffer.from(this.sign(payload, timestamp).split("v1=")[1] ?? "", "hex");
    const given = Buffer.from(parts.v1 ?? "", "hex");
    const fresh = Math.abs(Date.now() / 1000 - timestamp) < 300;
    if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new WebhookSignatureError("Test webhook rejected: bad or stale signature");
    }
    const event = JSON.parse(payload) as { id: string; type: string; providerRef?: string; status?: PaymentStatus };
    return { id: event.id, type: event.type, providerRef: event.providerRef ?? null, status: event.status ?? null, payload: event };
  }
}

export function createPaymentProvider(): PaymentProvider {
  const settings = env();
  if (settings.PAYMENT_PROVIDER === "stripe") {
    if (!settings.STRIPE_SECRET_KEY || !settings.STRIPE_WEBHOOK_SECRET) {
      throw new Error("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (in .env.local)");
    }
    return new StripePaymentProvider(settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET, settings.STRIPE_API_URL);
  }
  return new TestPaymentProvider(settings.PAYMENT_TEST_WEBHOOK_SECRET);
}
