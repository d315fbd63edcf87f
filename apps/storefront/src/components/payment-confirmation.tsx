"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { api } from "~/trpc/react";

const POLL_MS = 2_000;
// Stripe's webhook usually lands within seconds; past this the page stops asking and says so.
const WAIT_MS = 60_000;

/**
 * After the card step succeeded in the browser: the order becomes PAID only when the
 * provider's webhook reaches the shop, so poll the payment status (bounded) and say
 * what is happening meanwhile. `onSettled` runs once the order is no longer pending.
 */
export function PaymentConfirmation({ orderId, onSettled, onRetry }: { orderId: string; onSettled: () => void; onRetry: () => void }) {
  const [round, setRound] = useState(0);
  const [timedOut, setTimedOut] = useState(false);
  const status = api.payment.status.useQuery(
    { orderId },
    { refetchInterval: (query) => (timedOut || (query.state.data && query.state.data.orderStatus !== "PENDING") ? false : POLL_MS) },
  );
  const settled = Boolean(status.data && status.data.orderStatus !== "PENDING");
  const reported = useRef(false);
  const latest = status.data?.payments[0]?.status;
  const declined = !settled && (latest === "FAILED" || latest === "CANCELLED");

  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), WAIT_MS);
    return () => clearTimeout(timer);
  }, [round]);

  useEffect(() => {
    if (!settled || reported.current) return;
    reported.current = true;
    onSettled();
  }, [settled, onSettled]);

  if (declined) {
    return (
      <div className="stack">
        <p className="notice notice-danger" role="alert">
          The payment did not go through, so nothing was charged. Please try again.
        </p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (timedOut) {
    return (
      <div className="stack" data-testid="payment-confirmation">
        <p className="notice" role="status">
          Your payment was sent, but its confirmation is taking longer than usual. Please don&apos;t pay again: your{" "}
          <Link href={`/orders/${orderId}`}>order page</Link> shows it as paid once it is confirmed.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setTimedOut(false);
            setRound((value) => value + 1);
            void status.refetch();
          }}
        >
          Check again
        </button>
      </div>
    );
  }
  return (
    <div className="state state-loading" role="status" aria-live="polite" data-testid="payment-confirmation">
      <span className="spinner" aria-hidden /> Payment sent. Waiting for confirmation from your bank…
    </div>
  );
}
