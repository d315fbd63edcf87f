"use client";
import type { RouterOutputs } from "@shop/api";
import Link from "next/link";
import { useState } from "react";
import { AdjustStockForm } from "./adjust-stock-form";
import { StockLedger } from "./stock-ledger";

type StockItem = RouterOutputs["admin"]["inventory"]["list"]["items"][number];

/** A variant's stock, with its adjust form or its ledger opening in a row below. */
export function StockRow({ item }: { item: StockItem }) {
  const [open, setOpen] = useState<"adjust" | "ledger" | null>(null);
  const sku = item.variant.sku;
  const low = item.onHand <= item.lowStockThreshold;
  const toggle = (panel: "adjust" | "ledger") => setOpen(open === panel ? null : panel);

  return (
    <>
      <tr>
        <td data-label="Variant">
          {sku}
          {item.variant.name ? <div className="muted">{item.variant.name}</div> : null}
        </td>
        <td data-label="Product">
          <Link href={`/products/${item.variant.product.id}`}>{item.variant.product.name}</Link>
        </td>
        <td data-label="On hand" className="numeric">
          {low ? <span className="badge badge-warning">low</span> : null} {item.onHand}
        </td>
        <td data-label="Reserved" className="numeric">{item.reserved}</td>
        <td data-label="Low at" className="numeric">{item.lowStockThreshold}</td>
        <td data-label="">
          <div className="row">
            <button type="button" className="button" aria-expanded={open === "adjust"} aria-label={`Adjust stock for ${sku}`} onClick={() => toggle("adjust")}>
              Adjust
            </button>
            <button type="button" className="button" aria-expanded={open === "ledger"} aria-label={`Ledger for ${sku}`} onClick={() => toggle("ledger")}>
              Ledger
            </button>
          </div>
        </td>
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={6}>
            {open === "adjust" ? <AdjustStockForm item={item} onDone={() => setOpen(null)} /> : <StockLedger variantId={item.variantId} sku={sku} />}
          </td>
        </tr>
      ) : null}
    </>
  );
}
