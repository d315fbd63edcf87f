import type { RouterOutputs } from "@shop/api";
import { formatMoney } from "@shop/web/format";
import type { ReactNode } from "react";

type Quote = RouterOutputs["order"]["quote"];

/**
 * What placing the order will charge, as `order.quote` priced it: its lines, subtotal,
 * shipping, tax and total. The totals are a live region, so a screen reader hears the
 * new total when the address or the method changes it.
 */
export function CartSummary(props: { quote: Quote | undefined; updating: boolean; problem: string | null; children: ReactNode }) {
  const { quote, updating, problem } = props;
  const currency = quote?.currency ?? "USD";
  return (
    <aside className="card stack checkout-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Order summary</h2>
      {quote ? (
        <ul className="summary-lines">
          {quote.lines.map((line) => (
            <li key={line.variantId} className="row row-between">
              <span>
                {line.quantity} × {line.productName}
                {line.variantName ? <span className="muted"> ({line.variantName})</span> : null}
              </span>
              <span>{formatMoney(line.lineTotal, currency)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="stack quote-totals" aria-live="polite" aria-atomic="true" aria-busy={updating}>
        {problem ? (
          <p className="form-error" role="alert">
            {problem}
          </p>
        ) : quote ? (
          <dl className="quote-lines">
            <div className="row row-between">
              <dt>Subtotal</dt>
              <dd data-testid="quote-subtotal">{formatMoney(quote.subtotal, currency)}</dd>
            </div>
            <div className="row row-between">
              <dt>Shipping ({quote.shippingMethod.name})</dt>
              <dd data-testid="quote-shipping">{quote.shippingTotal.isZero() ? "Free" : formatMoney(quote.shippingTotal, currency)}</dd>
            </div>
            <div className="row row-between">
              <dt>Tax</dt>
              <dd data-testid="quote-tax">{formatMoney(quote.taxTotal, currency)}</dd>
            </div>
            <div className="row row-between quote-total">
              <dt>Total</dt>
              <dd data-testid="quote-total">{formatMoney(quote.total, currency)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">Working out shipping and tax…</p>
        )}
        {updating && quote && !problem ? <p className="muted">Updating…</p> : null}
      </div>
      {props.children}
    </aside>
  );
}
