"use client";
import { useState } from "react";

/**
 * Previous/next over the API's cursor pages. The cursors of the pages already seen are
 * kept on a stack; a change of `filterKey` (search, status…) starts again at page one.
 */
export function useCursorPager(filterKey: string) {
  const [state, setState] = useState<{ filterKey: string; cursors: string[] }>({ filterKey, cursors: [] });
  const cursors = state.filterKey === filterKey ? state.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (nextCursor: string) => setState({ filterKey, cursors: [...cursors, nextCursor] }),
    previous: () => setState({ filterKey, cursors: cursors.slice(0, -1) }),
  };
}

export function Pager({ pager, nextCursor }: { pager: ReturnType<typeof useCursorPager>; nextCursor: string | null | undefined }) {
  if (pager.page === 1 && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="button" onClick={pager.previous} disabled={pager.page === 1}>
        Previous
      </button>
      <span className="muted">Page {pager.page}</span>
      <button type="button" className="button" onClick={() => nextCursor && pager.next(nextCursor)} disabled={!nextCursor}>
        Next
      </button>
    </nav>
  );
}
