import "server-only";
import { env } from "@shop/db";

/**
 * Stripe's publishable key for Stripe.js in the browser, or null when Stripe does not
 * take the payments. Read per request on the server and passed down as a prop (not
 * NEXT_PUBLIC_, which is frozen into the bundle at build time), so one build serves
 * any environment.
 */
export function stripePublishableKey(): string | null {
  const settings = env();
  return settings.PAYMENT_PROVIDER === "stripe" ? (settings.STRIPE_PUBLISHABLE_KEY ?? null) : null;
}
