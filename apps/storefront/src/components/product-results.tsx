"use client";
import type { RouterInputs } from "@shop/api";
import { EmptyState, QueryView } from "@shop/web/ui";
import type { ReactNode } from "react";
import { api } from "~/trpc/react";
import { ProductGrid } from "./product-card";

export type ProductListQuery = Omit<NonNullable<RouterInputs["product"]["list"]>, "cursor">;

/** Product cards for one listing query, a page at a time ("Load more" fetches the next cursor page). */
export function ProductResults({ input, empty }: { input: ProductListQuery; empty: ReactNode }) {
  const query = api.product.list.useInfiniteQuery(input, { getNextPageParam: (page) => page.nextCursor ?? undefined });
  return (
    <QueryView query={query} isEmpty={(data) => !data.pages[0]?.items.length} empty={<EmptyState title="No products found">{empty}</EmptyState>}>
      {(data) => (
        <div className="stack">
          <ProductGrid products={data.pages.flatMap((page) => page.items)} />
          {query.hasNextPage ? (
            <div className="pagination">
              <button type="button" className="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            </div>
          ) : null}
        </div>
      )}
    </QueryView>
  );
}
