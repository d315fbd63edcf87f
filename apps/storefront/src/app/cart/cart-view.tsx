"use client";
import { formatMoney } from "@shop/web/format";
import { ConfirmButton, FormError } from "@shop/web/ui";
import Link from "next/link";
import { CartQueryView } from "~/components/cart-query-view";
import { api } from "~/trpc/react";
import { CartLine } from "./cart-line";

/** The cart priced by the server now; every change answers with the whole new cart. */
export function CartView({ signedIn }: { signedIn: boolean }) {
  const utils = api.useUtils();
  const cart = api.cart.get.useQuery();
  const clear = api.cart.clear.useMutation({ onSuccess: (next) => utils.cart.get.setData(undefined, next) });

  return (
    <CartQueryView cart={cart}>
      {(data) => {
        const currency = data.items[0]?.variant.currency ?? "USD";
        const blocked = data.items.some((item) => !item.purchasable);
        return (
          <div className="stack">
            <table className="responsive-table">
              <thead>
                <tr>
                  <th>Product</th>
                  <th>Unit price</th>
                  <th>Quantity</th>
                  <th>Total</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <CartLine key={item.variant.id} item={item} />
                ))}
              </tbody>
            </table>
            <div className="cart-summary card stack">
              <p className="row row-between">
                <span>Subtotal ({data.itemCount} {data.itemCount === 1 ? "item" : "items"})</span>
                <strong className="price" data-testid="subtotal">
                  {formatMoney(data.subtotal, currency)}
                </strong>
              </p>
              <p className="muted">Shipping and tax are added at checkout.</p>
              {signedIn ? null : <p className="muted">You sign in or create an account at checkout; this cart comes with you.</p>}
              {blocked ? <p className="notice notice-danger">Some items are no longer available in that quantity. Adjust them to continue.</p> : null}
              <FormError error={clear.error} />
              <div className="row row-between">
                <ConfirmButton
                  title="Clear your cart?"
                  description={<p>{data.itemCount === 1 ? "The item is" : `All ${data.itemCount} items are`} removed from your cart.</p>}
                  onConfirm={() => clear.mutate()}
                  disabled={clear.isPending}
                >
                  Clear cart
                </ConfirmButton>
                <Link href="/checkout" className="button button-primary">
                  Checkout
                </Link>
              </div>
            </div>
          </div>
        );
      }}
    </CartQueryView>
  );
}
