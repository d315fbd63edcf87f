import type { Metadata } from "next";
import { stripePublishableKey } from "~/lib/payment-settings";
import { requireSession } from "~/lib/session";
import { HydrateClient, api } from "~/trpc/server";
import { CheckoutFlow } from "./checkout-flow";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  await requireSession("/checkout");
  // Awaited: the page is server-rendered with its data (a pending prefetch would hydrate differently).
  await Promise.all([api.cart.get.prefetch(), api.address.list.prefetch()]);
  return (
    <div className="stack">
      <h1>Checkout</h1>
      <HydrateClient>
        <CheckoutFlow stripeKey={stripePublishableKey()} />
      </HydrateClient>
    </div>
  );
}
