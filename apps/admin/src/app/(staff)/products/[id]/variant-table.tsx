"use client";
import type { RouterOutputs } from "@shop/api";
import { EmptyState } from "@shop/web/ui";
import { VariantRow } from "./variant-row";

type Variant = RouterOutputs["admin"]["product"]["byId"]["variants"][number];

export function VariantTable({ productId, variants, readOnly }: { productId: string; variants: Variant[]; readOnly: boolean }) {
  if (!variants.length) return <EmptyState title="This product has no variants yet" />;
  return (
    <div className="table-scroll">
      <table className="responsive-table variant-table">
        <thead>
          <tr>
            <th>SKU</th>
            <th>Name and options</th>
            <th className="numeric">On hand</th>
            <th>Price</th>
            <th>Compare-at price</th>
            <th>Active</th>
            <th>
              <span className="visually-hidden">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant) => (
            <VariantRow key={variant.id} productId={productId} variant={variant} readOnly={readOnly} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
