"use client";
import { orderStatus } from "@shop/api/schemas";
import { useState } from "react";
import type { z } from "zod";
import { useCursorPager } from "~/components/cursor-pager";
import { EnumSelect } from "~/components/enum-select";
import { PagedTable } from "~/components/paged-table";
import { SearchBox } from "~/components/search-box";
import { api } from "~/trpc/react";
import { OrderRow } from "./order-row";

type OrderStatus = z.infer<typeof orderStatus>;

export function OrderTable() {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<OrderStatus | "">("");
  const pager = useCursorPager(`${q}|${status}`);
  const orders = api.admin.order.list.useQuery({ q: q || undefined, status: status || undefined, cursor: pager.cursor, limit: 20 });

  return (
    <>
      <div className="toolbar">
        {/* "#1042" is how people write order numbers; the API wants the digits. */}
        <SearchBox label="Search orders" placeholder="E-mail or order number" onSearch={(text) => setQ(text.replace(/^#/, ""))} />
        <EnumSelect label="Status" allLabel="All statuses" options={orderStatus.options} value={status} onChange={setStatus} />
      </div>
      <PagedTable
        query={orders}
        pager={pager}
        empty={q || status ? "No orders match" : "No orders yet"}
        loading="Loading orders…"
        head={
          <>
            <th>Order</th>
            <th>Placed</th>
            <th>Customer</th>
            <th>Status</th>
            <th className="numeric">Items</th>
            <th className="numeric">Total</th>
            <th>
              <span className="visually-hidden">Details</span>
            </th>
          </>
        }
        row={(order) => <OrderRow key={order.id} order={order} />}
      />
    </>
  );
}
