"use client";
import { FormError, Loading } from "@shop/web/ui";
import { useEffect, useRef } from "react";
import { api } from "~/trpc/react";
import { StripePayment } from "./stripe-payment";

interface PayNowProps {
  orderId: string;
  total: string;
  /** Stripe's publishable key (from the server), or null when Stripe does not take payments. */
  stripeKey: string | null;
  /** When the order's stock hold ends. */
  heldUntil: Date | null;
  onPaid: () => void;
}

/**
 * The payment step for a pending order: opens (or resumes) a payment intent, then
 * pays it the provider's way: Stripe.js in the browser for Stripe, one click for the
 * network-free test provider.
 */
export function PayNow({ orderId, total, stripeKey, heldUntil, onPaid }: PayNowProps) {
  const intent = api.payment.createIntent.useMutation();
  const started = useRef(false);

  useEffect(() => {
    // Once per mount (React's dev double-effect included); createIntent resumes an open intent anyway.
    if (started.current) return;
    started.current = true;
    intent.mutate({ orderId });
  }, [intent, orderId]);

  const restart = () => intent.mutate({ orderId });
  const retry = (
    <button type="button" className="button" onClick={restart}>
      Try again
    </button>
  );
  if (intent.error) {
    return (
      <div className="stack">
        <FormError error={intent.error} />
        {retry}
      </div>
    );
  }
  if (!intent.data) return <Loading label="Preparing payment…" />;

  const { payment, clientSecret } = intent.data;
  const method =
    payment.provider === "MANUAL" ? (
      <TestPayment orderId={orderId} onPaid={onPaid} />
    ) : stripeKey && clientSecret ? (
      <StripePayment key={clientSecret} publishableKey={stripeKey} clientSecret={clientSecret} orderId={orderId} heldUntil={heldUntil} onSettled={onPaid} onRetry={restart} />
    ) : (
      // Stripe without a client secret: createIntent resumed an intent it could not hand back.
      <>
        <p className="notice notice-danger" role="alert">
          Card payment is not available for this order right now. Nothing has been charged; please try again in a few minutes.
        </p>
        {retry}
      </>
    );
  return (
    <div className="stack">
      <p className="row row-between">
        <span>Amount due</span>
        <strong className="price" data-testid="amount-due">
          {total}
        </strong>
      </p>
      {method}
    </div>
  );
}

/** The test provider settles on the server with no card and no network: a one-click demo. */
function TestPayment({ orderId, onPaid }: { orderId: string; onPaid: () => void }) {
  const utils = api.useUtils();
  const confirm = api.payment.confirm.useMutation({
    onSuccess: (payment) => {
      void utils.order.invalidate();
      if (payment.status === "SUCCEEDED" || payment.status === "PROCESSING") onPaid();
    },
  });
  const failed = confirm.data && confirm.data.status !== "SUCCEEDED" && confirm.data.status !== "PROCESSING";
  return (
    <>
      <p className="muted">Test mode: no card is charged.</p>
      {failed ? <p className="notice notice-danger" role="alert">The payment was declined. Please try again.</p> : null}
      <FormError error={confirm.error} />
      <button
        type="button"
        className="button button-primary"
        disabled={confirm.isPending || (confirm.isSuccess && !failed)}
        onClick={() => confirm.mutate({ orderId })}
      >
        {confirm.isPending ? "Paying…" : "Pay now"}
      </button>
    </>
  );
}
