"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { api } from "~/trpc/react";

/**
 * The header's Cart link with the number of items in the cart (guest or account),
 * from the same cart.get query every cart change answers into, so it moves as soon
 * as anything is added, without a reload. `viewer` is who is signed in (null: a
 * guest): signing in merges the guest cart and signing out leaves the account's, so
 * a change of viewer refetches.
 */
export function CartLink({ viewer }: { viewer: string | null }) {
  const utils = api.useUtils();
  const cart = api.cart.get.useQuery();
  const seen = useRef(viewer);
  useEffect(() => {
    if (seen.current === viewer) return;
    seen.current = viewer;
    void utils.cart.get.invalidate();
  }, [viewer, utils]);
  const count = cart.data?.itemCount ?? 0;
  return (
    <Link href="/cart" className="cart-link">
      Cart
      {count > 0 ? (
        <span className="cart-count" data-testid="cart-count">
          {count}
          <span className="visually-hidden">{count === 1 ? " item" : " items"}</span>
        </span>
      ) : null}
    </Link>
  );
}
