"use client";
import { formatDateTime } from "@shop/web/format";
import { QueryView } from "@shop/web/ui";
import { api } from "~/trpc/react";

const ledgerLength = 20;

/** The latest stock movements of one variant, newest first. */
export function StockLedger({ variantId, sku }: { variantId: string; sku: string }) {
  const ledger = api.admin.inventory.ledger.useQuery({ variantId, limit: ledgerLength });
  return (
    <section aria-label={`Ledger for ${sku}`}>
      <QueryView query={ledger} isEmpty={(rows) => !rows.length} empty="No stock movements yet" loading="Loading ledger…">
        {(rows) => (
          <table className="responsive-table">
            <thead>
              <tr>
                <th>When</th>
                <th className="numeric">Change</th>
                <th>Reason</th>
                <th>Note</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row.id)}>
                  <td data-label="When">{formatDateTime(row.createdAt)}</td>
                  <td data-label="Change" className="numeric">{row.delta > 0 ? `+${row.delta}` : row.delta}</td>
                  <td data-label="Reason">{row.reason.toLowerCase()}</td>
                  <td data-label="Note">{row.note ?? (row.orderId ? "Order" : "")}</td>
                  <td data-label="By">{row.actor ? (row.actor.name ?? row.actor.email) : <span className="muted">system</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {ledger.data?.length === ledgerLength ? <p className="muted">Showing the latest {ledgerLength} movements.</p> : null}
    </section>
  );
}
