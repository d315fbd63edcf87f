"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CartQueryView } from "~/components/cart-query-view";
import { PayNow } from "~/components/pay-now";
import { api } from "~/trpc/react";
import { ShippingForm, type PlacedOrder } from "./shipping-form";

/** Two steps: where and how to ship, with the total before anything is placed; then paying for it. */
export function CheckoutFlow({ stripeKey }: { stripeKey: string | null }) {
  const router = useRouter();
  const cart = api.cart.get.useQuery();
  const [order, setOrder] = useState<PlacedOrder | null>(null);

  if (order) {
    return (
      <section className="card stack pay-box" aria-labelledby="payment-heading">
        <h2 id="payment-heading">Payment</h2>
        <p>
          Order #{order.number} is placed and waiting for payment.
        </p>
        <PayNow orderId={order.id} total={order.total} heldUntil={order.expiresAt} stripeKey={stripeKey} onPaid={() => router.push(`/orders/${order.id}?placed=1`)} />
      </section>
    );
  }

  // The quote reads the cart itself; the cart query only decides between the form and "your cart is empty".
  return <CartQueryView cart={cart}>{() => <ShippingForm onPlaced={setOrder} />}</CartQueryView>;
}
