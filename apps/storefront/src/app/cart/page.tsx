import type { Metadata } from "next";
import { auth } from "~/auth";
import { HydrateClient, api } from "~/trpc/server";
import { CartView } from "./cart-view";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  // Signed in, the account's cart; signed out, the visitor's guest cart (its cookie).
  // Awaited: the page is server-rendered with its data (a pending prefetch would hydrate differently).
  const [session] = await Promise.all([auth(), api.cart.get.prefetch()]);
  return (
    <div className="stack">
      <h1>Your cart</h1>
      <HydrateClient>
        <CartView signedIn={Boolean(session?.user)} />
      </HydrateClient>
    </div>
  );
}
