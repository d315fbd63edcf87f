"use client";
import type { RouterOutputs } from "@shop/api";
import { EmptyState, QueryView, type QueryLike } from "@shop/web/ui";
import Link from "next/link";
import type { ReactNode } from "react";

type Cart = RouterOutputs["cart"]["get"];

/** The cart query's loading and error states, and an empty cart pointing back to the shop. */
export function CartQueryView({ cart, children }: { cart: QueryLike<Cart>; children: (cart: Cart) => ReactNode }) {
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
      {children}
    </QueryView>
  );
}
