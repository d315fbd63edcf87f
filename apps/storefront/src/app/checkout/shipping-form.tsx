"use client";
import type { RouterOutputs } from "@shop/api";
import { checkoutInput } from "@shop/api/schemas";
import { formatMoney } from "@shop/web/format";
import { applyServerErrors, Field, FormError, QueryView, SubmitButton, useZodForm } from "@shop/web/ui";
import Link from "next/link";
import { useState } from "react";
import { AddressFields } from "~/components/address-fields";
import { addressLine } from "~/lib/address-line";
import { api } from "~/trpc/react";

export interface PlacedOrder {
  id: string;
  number: number;
  total: string;
  /** When its stock hold ends. */
  expiresAt: Date | null;
}

type Address = RouterOutputs["address"]["list"][number];

/** Loads the address book, then the shipping form. */
export function ShippingForm({ onPlaced }: { onPlaced: (order: PlacedOrder) => void }) {
  const addresses = api.address.list.useQuery();
  return <QueryView query={addresses}>{(saved) => <ShippingFormFields saved={saved} onPlaced={onPlaced} />}</QueryView>;
}

function ShippingFormFields({ saved, onPlaced }: { saved: Address[]; onPlaced: (order: PlacedOrder) => void }) {
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
  const checkout = api.order.checkout.useMutation({
    onError: (error) => applyServerErrors(form, error),
    onSuccess: (order) => {
      void utils.cart.get.invalidate();
      void utils.order.list.invalidate();
      onPlaced({ id: order.id, number: order.number, total: formatMoney(order.total, order.currency), expiresAt: order.expiresAt });
    },
  });
  const onSubmit = form.handleSubmit((values) => checkout.mutate({ ...values, note: values.note || undefined }));

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="shipping-heading">
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
        <AddressFields register={(name, options) => form.register(`address.${name}`, options)} errors={form.formState.errors.address} />
      )}
      <Field label="Note (optional)" error={form.formState.errors.note}>
        <textarea {...form.register("note")} maxLength={500} placeholder="Delivery instructions" />
      </Field>
      <FormError error={checkout.error} />
      {checkout.error?.data?.code === "CONFLICT" ? (
        <p>
          <Link href="/cart">Update your cart</Link> and try again.
        </p>
      ) : null}
      <SubmitButton pending={checkout.isPending}>Place order</SubmitButton>
    </form>
  );
}
