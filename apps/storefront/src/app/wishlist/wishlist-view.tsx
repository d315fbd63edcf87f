"use client";
import { EmptyState, FormError, QueryView } from "@shop/web/ui";
import Link from "next/link";
import { ProductCard } from "~/components/product-card";
import { api } from "~/trpc/react";

/** Saved products as cards, each with a remove button. */
export function WishlistView() {
  const utils = api.useUtils();
  const wishlist = api.wishlist.list.useQuery();
  const remove = api.wishlist.remove.useMutation({ onSuccess: () => utils.wishlist.list.invalidate() });

  return (
    <QueryView
      query={wishlist}
      isEmpty={(items) => !items.length}
      empty={
        <EmptyState title="Your wishlist is empty">
          <Link href="/categories">Find something you like</Link>
        </EmptyState>
      }
    >
      {(items) => (
        <div className="stack">
          <FormError error={remove.error} />
          <div className="grid">
            {items.map((item) => (
              <div key={item.id} className="stack">
                <ProductCard product={item.product} />
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => remove.mutate({ productId: item.product.id })}
                  disabled={remove.isPending}
                  aria-label={`Remove ${item.product.name} from wishlist`}
                >
                  Remove
                </button>
              </div>
            ))}
          </div>
        </div>
      )}
    </QueryView>
  );
}
