"use client";
import { useState } from "react";
import { useCursorPager } from "~/components/cursor-pager";
import { PagedTable } from "~/components/paged-table";
import { api } from "~/trpc/react";
import { StockRow } from "./stock-row";

/** Stock per variant, lowest first: what needs reordering is at the top. */
export function StockTable() {
  const [lowStock, setLowStock] = useState(false);
  const pager = useCursorPager(String(lowStock));
  const stock = api.admin.inventory.list.useQuery({ lowStock, cursor: pager.cursor, limit: 20 });

  return (
    <>
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={lowStock} onChange={(event) => setLowStock(event.target.checked)} />
          Low stock only
        </label>
      </div>
      <PagedTable
        query={stock}
        pager={pager}
        empty={lowStock ? "Nothing is low on stock" : "No stock records yet"}
        loading="Loading stock…"
        head={
          <>
            <th>Variant</th>
            <th>Product</th>
            <th className="numeric">On hand</th>
            <th className="numeric">Reserved</th>
            <th className="numeric">Low at</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </>
        }
        row={(item) => <StockRow key={item.variantId} item={item} />}
      />
    </>
  );
}
