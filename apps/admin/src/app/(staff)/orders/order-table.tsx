"use client";
import { orderStatus } from "@shop/api/schemas";
import { QueryView } from "@shop/web/ui";
import { useState } from "react";
import type { z } from "zod";
import { Pager, useCursorPager } from "~/components/cursor-pager";
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
        <label className="field">
          <span className="field-label">Status</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as OrderStatus | "")}>
            <option value="">All statuses</option>
            {orderStatus.options.map((option) => (
              <option key={option} value={option}>
                {option.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={orders} isEmpty={(page) => !page.items.length} empty={q || status ? "No orders match" : "No orders yet"} loading="Loading orders…">
        {(page) => (
          <>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>Order</th>
                    <th>Placed</th>
                    <th>Customer</th>
                    <th>Status</th>
                    <th className="numeric">Items</th>
                    <th className="numeric">Total</th>
                    <th>
                      <span className="visually-hidden">Details</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((order) => (
                    <OrderRow key={order.id} order={order} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pager={pager} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
    </>
  );
}
