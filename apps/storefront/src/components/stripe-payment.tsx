"use client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Appearance, Stripe } from "@stripe/stripe-js";
// The "pure" entry loads Stripe.js only when loadStripe is called, not on import, so
// pages (and the test provider's checkout) that never take a card never fetch it.
import { loadStripe } from "@stripe/stripe-js/pure";
import { Loading } from "@shop/web/ui";
import { useEffect, useState, type FormEvent } from "react";
import { PaymentConfirmation } from "./payment-confirmation";

// Stripe.js normally loads in a second or two; an offline or filtered network may
// neither load nor fail the script, so the wait is bounded.
const LOAD_TIMEOUT_MS = 15_000;

type StripeState = { state: "loading" } | { state: "ready"; stripe: Stripe } | { state: "unavailable" };

/** Stripe.js from js.stripe.com, as Stripe requires; null when it cannot load in time. */
async function loadStripeWithin(publishableKey: string): Promise<Stripe | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOAD_TIMEOUT_MS)));
  try {
    return await Promise.race([loadStripe(publishableKey), timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The Payment Element renders in Stripe's iframe, which cannot see the page's CSS: pass the shop's accent and corners across. */
function appearance(): Appearance {
  const style = getComputedStyle(document.documentElement);
  return {
    theme: "stripe",
    variables: { colorPrimary: style.getPropertyValue("--accent").trim(), borderRadius: style.getPropertyValue("--radius").trim() },
  };
}

/**
 * Pays a Stripe PaymentIntent in the browser: Stripe.js and the Payment Element
 * collect the card (the shop never sees it), `confirmPayment` confirms with the
 * client secret (redirecting only for 3-D Secure and the like, back to the order
 * page), then the order waits for Stripe's webhook to mark it paid.
 */
export function StripePayment(props: {
  publishableKey: string;
  clientSecret: string;
  orderId: string;
  /** When the order's stock hold ends (unpaid, it then expires). */
  heldUntil: Date | null;
  onSettled: () => void;
  /** Starts a new attempt (a new intent) after the provider reported this one failed. */
  onRetry: () => void;
}) {
  const [stripe, setStripe] = useState<StripeState>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    let current = true;
    void loadStripeWithin(props.publishableKey).then((loaded) => {
      if (current) setStripe(loaded ? { state: "ready", stripe: loaded } : { state: "unavailable" });
    });
    return () => {
      current = false;
    };
  }, [props.publishableKey, attempt]);

  if (confirmed) return <PaymentConfirmation orderId={props.orderId} onSettled={props.onSettled} onRetry={props.onRetry} />;
  if (stripe.state === "loading") return <Loading label="Loading card payment…" />;
  if (stripe.state === "unavailable") {
    return (
      <CardPaymentUnavailable
        heldUntil={props.heldUntil}
        retry={() => {
          setStripe({ state: "loading" });
          setAttempt((value) => value + 1);
        }}
      />
    );
  }
  return (
    <Elements stripe={stripe.stripe} options={{ clientSecret: props.clientSecret, appearance: appearance() }}>
      <CardForm orderId={props.orderId} onConfirmed={() => setConfirmed(true)} onLoadError={() => setStripe({ state: "unavailable" })} />
    </Elements>
  );
}

function CardPaymentUnavailable({ retry, heldUntil }: { retry: () => void; heldUntil: Date | null }) {
  const until = heldUntil ? `until ${heldUntil.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` : "for a while";
  return (
    <div className="stack" data-testid="card-payment-unavailable">
      <div className="notice notice-danger stack" role="alert">
        <strong>Card payment could not load.</strong>
        <span>
          Please check your internet connection and try again. Nothing has been charged, and your order is kept {until}, so you can
          also come back to it from your orders.
        </span>
      </div>
      <button type="button" className="button button-primary" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

function CardForm({ orderId, onConfirmed, onLoadError }: { orderId: string; onConfirmed: () => void; onLoadError: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    try {
      const result = await stripe.confirmPayment({
        elements,
        // Only redirect-based steps (3-D Secure, bank pages) leave the site; they come back here.
        confirmParams: { return_url: `${window.location.origin}/orders/${orderId}` },
        redirect: "if_required",
      });
      if (result.error) setError(result.error.message ?? "The payment could not be completed. Please try again.");
      else onConfirmed();
    } catch {
      setError("The payment could not be sent. Please check your internet connection and try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
      <PaymentElement onReady={() => setReady(true)} onLoadError={onLoadError} />
      {error ? (
        <p className="notice notice-danger" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={!stripe || !ready || pending}>
        {pending ? "Paying…" : "Pay now"}
      </button>
    </form>
  );
}
