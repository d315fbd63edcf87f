"use client";
import { FormError } from "@shop/web/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signInUrl } from "~/lib/sign-in-url";
import { api } from "~/trpc/react";

/** Saves the product to the wishlist (adding twice is harmless); signed-out visitors sign in first. */
export function WishlistButton({ productId, signedIn, returnTo }: { productId: string; signedIn: boolean; returnTo: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const add = api.wishlist.add.useMutation({ onSuccess: () => utils.wishlist.list.invalidate() });

  if (add.isSuccess) {
    return (
      <p>
        Saved to your <Link href="/wishlist">wishlist</Link>.
      </p>
    );
  }
  return (
    <div className="stack">
      <button
        type="button"
        className="button"
        disabled={add.isPending}
        onClick={() => (signedIn ? add.mutate({ productId }) : router.push(signInUrl(returnTo)))}
      >
        ♡ Add to wishlist
      </button>
      <FormError error={add.error} />
    </div>
  );
}
