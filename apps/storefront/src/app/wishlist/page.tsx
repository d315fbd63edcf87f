import type { Metadata } from "next";
import { requireSession } from "~/lib/session";
import { HydrateClient, api } from "~/trpc/server";
import { WishlistView } from "./wishlist-view";

export const metadata: Metadata = { title: "Wishlist" };

export default async function WishlistPage() {
  await requireSession("/wishlist");
  // Awaited: the page is server-rendered with its data (a pending prefetch would hydrate differently).
  await api.wishlist.list.prefetch();
  return (
    <div className="stack">
      <h1>Your wishlist</h1>
      <HydrateClient>
        <WishlistView />
      </HydrateClient>
    </div>
  );
}
