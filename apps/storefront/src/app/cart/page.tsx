import type { Metadata } from "next";
import { requireSession } from "~/lib/session";
import { HydrateClient, api } from "~/trpc/server";
import { CartView } from "./cart-view";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  await requireSession("/cart");
  // Awaited: the page is server-rendered with its data (a pending prefetch would hydrate differently).
  await api.cart.get.prefetch();
  return (
    <div className="stack">
      <h1>Your cart</h1>
      <HydrateClient>
        <CartView />
      </HydrateClient>
    </div>
  );
}
