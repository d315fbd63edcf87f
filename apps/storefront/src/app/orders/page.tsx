import { formatDate, formatMoney } from "@shop/web/format";
import { EmptyState } from "@shop/web/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { orderStatusBadge, statusLabel } from "~/lib/status";
import { requireSession } from "~/lib/session";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Your orders" };

const PAGE_SIZE = 20;

/** The customer's orders, newest first; older ones a page at a time (`?after=<cursor>`). */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  await requireSession(after ? `/orders?after=${after}` : "/orders");
  const page = await api.order.list({ limit: PAGE_SIZE, cursor: after || undefined });

  return (
    <div className="stack">
      <h1>Your orders</h1>
      {page.items.length ? (
        <table className="responsive-table">
          <thead>
            <tr>
              <th>Order</th>
              <th>Placed</th>
              <th>Status</th>
              <th>Items</th>
              <th>Total</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id}>
                <td data-label="Order">
                  <Link href={`/orders/${order.id}`}>#{order.number}</Link>
                </td>
                <td data-label="Placed">{formatDate(order.placedAt)}</td>
                <td data-label="Status">
                  <span className={orderStatusBadge[order.status]}>{statusLabel(order.status)}</span>
                </td>
                <td data-label="Items">{order.items.reduce((sum, item) => sum + item.quantity, 0)}</td>
                <td data-label="Total" className="price">{formatMoney(order.total, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title={after ? "No older orders" : "You have no orders yet"}>
          <Link href="/categories">Start shopping</Link>
        </EmptyState>
      )}
      <nav className="pagination" aria-label="Pages">
        {after ? <Link href="/orders">Newest orders</Link> : null}
        {page.nextCursor ? (
          <Link href={`/orders?after=${encodeURIComponent(page.nextCursor)}`} className="button">
            Older orders
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
