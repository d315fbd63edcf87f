"use client";
import type { RouterOutputs } from "@shop/api";
import { checkoutInput } from "@shop/api/schemas";
import { formatMoney } from "@shop/web/format";
import { applyServerErrors, errorMessage, Field, FormError, QueryView, SubmitButton, serverFieldErrors, useZodForm } from "@shop/web/ui";
import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { AddressFields } from "~/components/address-fields";
import { addressLine } from "~/lib/address-line";
import { useDebounced } from "~/lib/use-debounced";
import { api } from "~/trpc/react";
import { CartSummary } from "./cart-summary";

export interface PlacedOrder {
  id: string;
  number: number;
  total: string;
  /** When its stock hold ends. */
  expiresAt: Date | null;
}

type Address = RouterOutputs["address"]["list"][number];

/** Loads the address book, then the checkout form. */
export function ShippingForm({ onPlaced }: { onPlaced: (order: PlacedOrder) => void }) {
  const addresses = api.address.list.useQuery();
  return <QueryView query={addresses}>{(saved) => <CheckoutForm saved={saved} onPlaced={onPlaced} />}</QueryView>;
}

/** The first thing a failed quote says, for people (a field's message rather than its path). */
const quoteProblem = (error: unknown) => Object.values(serverFieldErrors(error)).flat()[0] ?? errorMessage(error);

/**
 * Address → shipping method → the quote (subtotal, shipping, tax, total, re-read from
 * `order.quote` a moment after the address's country or the method changes) → "Place
 * order", which sends the total shown as `expectedTotal`: the order is created only
 * then, and never for another amount.
 */
function CheckoutForm({ saved, onPlaced }: { saved: Address[]; onPlaced: (order: PlacedOrder) => void }) {
  const utils = api.useUtils();
  // One key per checkout attempt: a retried or double-clicked "Place order" returns the same order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const defaultAddress = saved.find((address) => address.defaultForUserId) ?? saved[0];
  const [useSaved, setUseSaved] = useState(Boolean(defaultAddress));
  // Only the mounted branch (saved address or new one) is sent, as order.checkout wants exactly one.
  const form = useZodForm(checkoutInput, {
    shouldUnregister: true,
    defaultValues: { idempotencyKey, addressId: defaultAddress?.id, address: { name: "", street: "", city: "", state: "", zipCode: "", country: "US" }, note: "" },
  });

  const [addressId, typedCountry, chosenMethod] = form.watch(["addressId", "address.country", "shippingMethod"]);
  const country = useSaved ? saved.find((address) => address.id === addressId)?.country : typedCountry;
  const request = { country: country ?? "US", shippingMethod: chosenMethod || undefined };
  const settled = useDebounced(request, 300);
  const quote = api.order.quote.useQuery(settled, { placeholderData: keepPreviousData, staleTime: 0 });
  // Ready to place only when the quote on screen is for what is chosen now.
  const current = Boolean(quote.data) && !quote.isPlaceholderData && !quote.isFetching && !quote.error && JSON.stringify(settled) === JSON.stringify(request);

  // A method the new country does not get: back to the first one it does.
  const methodRefused = Boolean(quote.error && serverFieldErrors(quote.error).shippingMethod);
  useEffect(() => {
    if (methodRefused) form.setValue("shippingMethod", undefined);
  }, [methodRefused, form]);

  const checkout = api.order.checkout.useMutation({
    onError: (error) => {
      applyServerErrors(form, error);
      // The total changed since it was shown: show the new one.
      if (error.data?.code === "CONFLICT") void utils.order.quote.invalidate();
    },
    onSuccess: (order) => {
      void utils.cart.get.invalidate();
      void utils.order.list.invalidate();
      onPlaced({ id: order.id, number: order.number, total: formatMoney(order.total, order.currency), expiresAt: order.expiresAt });
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    if (!current || !quote.data) return;
    checkout.mutate({ ...values, note: values.note || undefined, shippingMethod: quote.data.shippingMethod.code, expectedTotal: quote.data.total.toFixed(2) });
  });

  const selectedMethod = chosenMethod || quote.data?.shippingMethod.code;
  return (
    <form className="checkout-layout" onSubmit={onSubmit} noValidate aria-label="Checkout">
      <div className="stack checkout-steps">
        <section className="stack" aria-labelledby="shipping-heading">
          <h2 id="shipping-heading">Shipping address</h2>
          <input type="hidden" {...form.register("idempotencyKey")} />
          {saved.length ? (
            <fieldset className="stack choice-group">
              <legend className="visually-hidden">Address to ship to</legend>
              <label className="row">
                <input type="radio" name="ship-to" checked={useSaved} onChange={() => setUseSaved(true)} /> Use a saved address
              </label>
              <label className="row">
                <input type="radio" name="ship-to" checked={!useSaved} onChange={() => setUseSaved(false)} /> Enter a new address
              </label>
            </fieldset>
          ) : null}
          {useSaved ? (
            <Field label="Saved address" error={form.formState.errors.addressId}>
              <select {...form.register("addressId")}>
                {saved.map((address) => (
                  <option key={address.id} value={address.id}>
                    {addressLine(address)}
                  </option>
                ))}
              </select>
            </Field>
          ) : (
            <AddressFields register={(name) => form.register(`address.${name}`)} errors={form.formState.errors.address} />
          )}
        </section>

        <fieldset className="stack choice-group shipping-methods" aria-describedby={form.formState.errors.shippingMethod ? "shipping-method-error" : undefined}>
          <legend>
            <h2>Shipping method</h2>
          </legend>
          {quote.data ? (
            quote.data.shippingMethods.map((method) => (
              <label key={method.code} className="shipping-method">
                <input
                  type="radio"
                  name="shippingMethod"
                  value={method.code}
                  checked={selectedMethod === method.code}
                  onChange={() => form.setValue("shippingMethod", method.code, { shouldDirty: true })}
                />
                <span className="shipping-method-name">{method.name}</span>
                {method.estimate ? <span className="muted shipping-method-estimate">{method.estimate}</span> : null}
                <span className="shipping-method-price">{method.price.isZero() ? "Free" : formatMoney(method.price, quote.data.currency)}</span>
              </label>
            ))
          ) : (
            <p className="muted">{quote.error ? "No shipping methods for this address." : "Loading shipping methods…"}</p>
          )}
          {form.formState.errors.shippingMethod?.message ? (
            <p id="shipping-method-error" className="field-error" role="alert">
              {form.formState.errors.shippingMethod.message}
            </p>
          ) : null}
        </fieldset>

        <Field label="Note (optional)" error={form.formState.errors.note}>
          <textarea {...form.register("note")} maxLength={500} placeholder="Delivery instructions" />
        </Field>
      </div>

      <CartSummary quote={quote.data} updating={!current && !quote.error} problem={quote.error && !methodRefused ? quoteProblem(quote.error) : null}>
        <FormError error={checkout.error} />
        {checkout.error?.data?.code === "CONFLICT" ? (
          <p>
            <Link href="/cart">Review your cart</Link> or check the new total, then place the order again.
          </p>
        ) : null}
        <SubmitButton pending={checkout.isPending} disabled={!current}>
          Place order
        </SubmitButton>
      </CartSummary>
    </form>
  );
}
