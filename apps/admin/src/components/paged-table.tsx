"use client";
import { QueryView, type QueryLike } from "@shop/web/ui";
import type { ReactNode } from "react";
import { Pager, type useCursorPager } from "./cursor-pager";

interface CursorPage<Item> {
  items: Item[];
  nextCursor: string | null | undefined;
}

/**
 * One cursor page of a list query as a table, with the loading, error and empty states
 * and the previous/next pager. `head` is the header cells; `row` renders one item as a
 * keyed `<tr>`.
 */
export function PagedTable<Item>({
  query,
  pager,
  empty,
  loading,
  head,
  row,
}: {
  query: QueryLike<CursorPage<Item>>;
  pager: ReturnType<typeof useCursorPager>;
  empty: string;
  loading: string;
  head: ReactNode;
  row: (item: Item) => ReactNode;
}) {
  return (
    <QueryView query={query} isEmpty={(page) => !page.items.length} empty={empty} loading={loading}>
      {(page) => (
        <>
          <div className="table-scroll">
            <table className="responsive-table">
              <thead>
                <tr>{head}</tr>
              </thead>
              <tbody>{page.items.map(row)}</tbody>
            </table>
          </div>
          <Pager pager={pager} nextCursor={page.nextCursor} />
        </>
      )}
    </QueryView>
  );
}
