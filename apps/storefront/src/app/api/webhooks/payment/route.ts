import { createInnerContext, handlePaymentWebhook, WebhookPayloadError, WebhookSignatureError } from "@shop/api";
import { env, logger } from "@shop/db";
import { limitBody } from "@shop/web/http/body-limit";

/**
 * The payment provider's webhook (Stripe, or the test provider, which signs alike).
 * Verified and applied exactly once by the API; a replay answers 200 and changes nothing.
 */
export const POST = limitBody(() => env().WEBHOOK_BODY_LIMIT_BYTES, async (request) => {
  const payload = await request.text();
  try {
    const result = await handlePaymentWebhook(createInnerContext({ session: null }), payload, request.headers.get("stripe-signature"));
    return Response.json({ received: true, ...result });
  } catch (error) {
    // Unsigned, or signed but not an event: a retry cannot help, so not a 500.
    if (error instanceof WebhookSignatureError || error instanceof WebhookPayloadError) {
      return Response.json({ error: error.message }, { status: 400 });
    }
    logger.error({ err: error }, "payment webhook failed");
    // A 500 makes the provider retry later, which is what we want for a transient failure.
    return Response.json({ error: "webhook failed" }, { status: 500 });
  }
});
