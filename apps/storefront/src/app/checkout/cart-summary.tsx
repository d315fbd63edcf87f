import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";

/** What is being bought; shipping and tax are computed when the order is placed. */
export function CartSummary({ cart }: { cart: RouterOutputs["cart"]["get"] }) {
  const currency = cart.items[0]?.variant.currency ?? "USD";
  return (
    <aside className="card stack" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Order summary</h2>
      <ul className="summary-lines">
        {cart.items.map((item) => (
          <li key={item.variant.id} className="row row-between">
            <span>
              {item.quantity} × {item.variant.product.name}
              {item.variant.name ? <span className="muted"> ({item.variant.name})</span> : null}
            </span>
            <span>{formatMoney(item.lineTotal, currency)}</span>
          </li>
        ))}
      </ul>
      <p className="row row-between">
        <strong>Subtotal</strong>
        <strong className="price">{formatMoney(cart.subtotal, currency)}</strong>
      </p>
      <p className="muted">Shipping and tax are added when you place the order.</p>
    </aside>
  );
}
