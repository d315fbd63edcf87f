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
    <table>
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
            <td>
              {item.productName}
              {item.variantName ? <div className="muted">{item.variantName}</div> : null}
            </td>
            <td>{item.sku}</td>
            <td className="numeric">{formatMoney(item.unitPrice, currency)}</td>
            <td className="numeric">{item.quantity}</td>
            <td className="numeric">{formatMoney(item.lineTotal, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
