import { formatMoney } from "../format";

type Amount = Parameters<typeof formatMoney>[0];

/** The fields of an order line this table shows (the API's order item has more). */
export interface OrderItemLine {
  id: string;
  productName: string;
  variantName: string | null;
  sku: string;
  unitPrice: Amount;
  quantity: number;
  lineTotal: Amount;
}

/**
 * What an order contains, as bought (names and prices are the order's snapshot).
 * No "use client": the storefront renders it on the server with Decimal amounts.
 */
export function OrderItemsTable({ items, currency }: { items: OrderItemLine[]; currency: string }) {
  return (
    <table className="responsive-table">
      <thead>
        <tr>
          <th>Item</th>
          <th>SKU</th>
          <th className="numeric">Unit price</th>
          <th className="numeric">Quantity</th>
          <th className="numeric">Line total</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="Item">
              {item.productName}
              {item.variantName ? <div className="muted">{item.variantName}</div> : null}
            </td>
            <td data-label="SKU">{item.sku}</td>
            <td data-label="Unit price" className="numeric">{formatMoney(item.unitPrice, currency)}</td>
            <td data-label="Quantity" className="numeric">{item.quantity}</td>
            <td data-label="Line total" className="numeric">{formatMoney(item.lineTotal, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
