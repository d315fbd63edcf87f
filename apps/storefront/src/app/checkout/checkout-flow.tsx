"use client";
import { EmptyState, QueryView } from "@shop/web/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PayNow } from "~/components/pay-now";
import { api } from "~/trpc/react";
import { CartSummary } from "./cart-summary";
import { ShippingForm, type PlacedOrder } from "./shipping-form";

/** Two steps: where to ship (which places the order), then paying for it. */
export function CheckoutFlow() {
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
        <PayNow orderId={order.id} total={order.total} onPaid={() => router.push(`/orders/${order.id}?placed=1`)} />
      </section>
    );
  }

  return (
    <QueryView
      query={cart}
      isEmpty={(data) => !data.items.length}
      empty={
        <EmptyState title="Your cart is empty">
          <Link href="/categories">Browse the shop</Link>
        </EmptyState>
      }
    >
      {(data) => (
        <div className="checkout-layout">
          <ShippingForm onPlaced={setOrder} />
          <CartSummary cart={data} />
        </div>
      )}
    </QueryView>
  );
}
