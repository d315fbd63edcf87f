"use client";
import { quantity as quantitySchema } from "@shop/api/schemas";
import { Field, FormError } from "@shop/web/ui";
import { useState, type FormEvent } from "react";
import { api } from "~/trpc/react";
import { Availability } from "./availability";

export interface PurchasableVariant {
  id: string;
  label: string;
  /** Already formatted for display (money stays decimal on the server). */
  price: string;
  available: number;
}

/** Variant picker, the chosen variant's price and stock, and "Add to cart". */
export function PurchasePanel({ variants }: { variants: PurchasableVariant[] }) {
  const utils = api.useUtils();
  const [variantId, setVariantId] = useState(variants[0]?.id);
  const [quantityText, setQuantityText] = useState("1");
  const [invalid, setInvalid] = useState<string | null>(null);
  const add = api.cart.add.useMutation({ onSuccess: (cart) => utils.cart.get.setData(undefined, cart) });
  const variant = variants.find((candidate) => candidate.id === variantId);

  if (!variant) return <p className="notice">This product is not available right now.</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Guests add too (to their guest cart). A new attempt's outcome replaces the last one's.
    add.reset();
    // The same rule cart.add enforces (1..1000), plus what is actually in stock.
    const parsed = quantitySchema.safeParse(Number(quantityText));
    if (!parsed.success) return setInvalid("Enter a whole number from 1 to 1000");
    if (parsed.data > variant.available) return setInvalid(`Only ${variant.available} available`);
    setInvalid(null);
    add.mutate({ variantId: variant.id, quantity: parsed.data });
  };

  return (
    <form className="stack purchase-panel" onSubmit={onSubmit} noValidate>
      <Field label="Variant">
        <select
          aria-label="Variant"
          value={variant.id}
          onChange={(event) => {
            setVariantId(event.target.value);
            add.reset();
          }}
        >
          {variants.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <p className="price price-large" data-testid="price">
        {variant.price}
      </p>
      <Availability available={variant.available} />
      <Field label="Quantity" error={invalid ? { message: invalid } : undefined}>
        <input type="number" min={1} max={Math.max(1, Math.min(variant.available, 1000))} step={1} inputMode="numeric" value={quantityText} onChange={(event) => setQuantityText(event.target.value)} className="input-quantity" />
      </Field>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={add.isPending || variant.available === 0}>
          {add.isPending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <FormError error={add.error} />
      {/* Announced politely; the header's Cart link leads on from here. */}
      <p role="status">{add.isSuccess ? "Added to cart" : null}</p>
    </form>
  );
}
