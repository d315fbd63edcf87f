import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import { env, type PaymentProvider as ProviderName, type PaymentStatus, Prisma } from "@shop/db";
import { fromMinorUnits, toMinorUnits } from "./money";

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
  /** The payment status the event implies, or null for events that imply none. */
  status: PaymentStatus | null;
  /** For refund events: everything refunded of the payment so far (cumulative). */
  refundedAmount: Prisma.Decimal | null;
  payload: Prisma.InputJsonValue;
}

export interface RefundInput {
  providerRef: string;
  amount: Prisma.Decimal;
  currency: string;
  idempotencyKey: string;
}

export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
}

/** A correctly signed webhook whose body is not an event the shop can read (answer 400: a retry cannot help). */
export class WebhookPayloadError extends Error {
  override name = "WebhookPayloadError";
}

/** What the shop needs from a payment provider; Stripe in production, `test` locally. */
export interface PaymentProvider {
  readonly name: ProviderName;
  createIntent(input: CreateIntentInput): Promise<Intent>;
  /** The client secret of an open intent, for a customer who comes back to pay. */
  clientSecretOf(providerRef: string): Promise<string | null>;
  /**
   * Settles an intent on the server as a customer's card would: the test provider
   * only. With Stripe the customer confirms in the browser (Stripe.js) and the
   * webhook reports the outcome, so no card ever passes through the server.
   */
  confirm?(providerRef: string): Promise<PaymentStatus>;
  /** Sends money back; resolves with the provider's refund id, rejects when it refused or could not be reached. */
  refund(input: RefundInput): Promise<{ providerRef: string }>;
  /** Verifies the signature and parses the event; throws WebhookSignatureError or WebhookPayloadError. */
  parseWebhook(payload: string, signature: string | null): ProviderEvent;
}

function parseEvent<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new WebhookPayloadError(`Not a payment event: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const stripeEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({
    object: z.looseObject({
      id: z.string().optional(),
      object: z.string().optional(),
      payment_intent: z.string().nullish(),
      amount_refunded: z.number().int().nonnegative().optional(),
      currency: z.string().length(3).optional(),
    }),
  }),
});

const stripeStatuses: Record<string, PaymentStatus> = {
  "payment_intent.succeeded": "SUCCEEDED",
  "payment_intent.payment_failed": "FAILED",
  "payment_intent.canceled": "CANCELLED",
  "payment_intent.processing": "PROCESSING",
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

  async clientSecretOf(providerRef: string): Promise<string | null> {
    return (await this.stripe.paymentIntents.retrieve(providerRef)).client_secret;
  }

  async refund(input: RefundInput): Promise<{ providerRef: string }> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: input.providerRef, amount: toMinorUnits(input.amount, input.currency) },
      { idempotencyKey: input.idempotencyKey },
    );
    return { providerRef: refund.id };
  }

  parseWebhook(payload: string, signature: string | null): ProviderEvent {
    let body: unknown;
    try {
      // Verifies the signature first, then parses the JSON.
      body = this.stripe.webhooks.constructEvent(payload, signature ?? "", this.webhookSecret);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new WebhookSignatureError(`Stripe webhook rejected: ${error.message}`);
      }
      throw new WebhookPayloadError("Not a payment event: the body is not JSON");
    }
    const event = parseEvent(stripeEventSchema, body);
    const object = event.data.object;
    const providerRef = object.object === "payment_intent" ? (object.id ?? null) : (object.payment_intent ?? null);
    // charge.refunded carries the charge's cumulative amount_refunded, for full and partial refunds alike.
    const refundedAmount =
      event.type === "charge.refunded" && object.amount_refunded !== undefined && object.currency
        ? fromMinorUnits(object.amount_refunded, object.currency.toUpperCase())
        : null;
    return { id: event.id, type: event.type, providerRef, status: stripeStatuses[event.type] ?? null, refundedAmount, payload: body as Prisma.InputJsonValue };
  }
}

const testEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  providerRef: z.string().min(1).optional(),
  status: z.enum(["REQUIRES_PAYMENT", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED"]).optional(),
  // Cumulative refunded amount, as a decimal string (like Stripe's amount_refunded).
  refundedAmount: z.string().regex(/^\d+(\.\d{1,2})?$/).optional(),
});

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
    return { providerRef, clientSecret: await this.clientSecretOf(providerRef), status: "REQUIRES_PAYMENT" };
  }

  async clientSecretOf(providerRef: string): Promise<string> {
    return `${providerRef}_secret`;
  }

  async confirm(): Promise<PaymentStatus> {
    return "SUCCEEDED";
  }

  async refund(_input: RefundInput): Promise<{ providerRef: string }> {
    return { providerRef: `test_re_${randomUUID()}` };
  }

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
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      throw new WebhookPayloadError("Not a payment event: the body is not JSON");
    }
    const event = parseEvent(testEventSchema, body);
    return {
      id: event.id,
      type: event.type,
      providerRef: event.providerRef ?? null,
      status: event.status ?? null,
      refundedAmount: event.refundedAmount === undefined ? null : new Prisma.Decimal(event.refundedAmount),
      payload: body as Prisma.InputJsonValue,
    };
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
