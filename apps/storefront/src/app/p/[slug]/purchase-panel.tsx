"use client";
import { quantity as quantitySchema } from "@shop/api/schemas";
import { Field, FormError } from "@shop/web/ui";
import { useMemo, useState, type FormEvent } from "react";
import { api } from "~/trpc/react";
import { Availability } from "./availability";
import { choose, initialChoice, matrixVariants, optionDimensions, variantFor } from "./option-matrix";
import { OptionPicker } from "./option-picker";

export interface PurchasableVariant {
  id: string;
  /** Shown when the variants carry no consistent options to pick from. */
  label: string;
  /** The variant's option values as stored, e.g. {"size":"M","colour":"navy"}. */
  options: unknown;
  /** Already formatted for display (money stays decimal on the server). */
  price: string;
  /** The product's compare-at price, formatted, when it is above this variant's price. */
  compareAtPrice: string | null;
  available: number;
}

/** Option pickers, the chosen variant's price and stock, and "Add to cart". */
export function PurchasePanel({ variants }: { variants: PurchasableVariant[] }) {
  const utils = api.useUtils();
  const matrix = useMemo(() => matrixVariants(variants), [variants]);
  const dimensions = useMemo(() => optionDimensions(matrix), [matrix]);
  const [choice, setChoice] = useState(() => initialChoice(matrix));
  const [quantityText, setQuantityText] = useState("1");
  const [invalid, setInvalid] = useState<string | null>(null);
  const add = api.cart.add.useMutation({ onSuccess: (cart) => utils.cart.get.setData(undefined, cart) });
  const variant = variantFor(matrix, choice);

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

  // "Added to cart" belongs to the attempt that made it: a new choice or quantity clears it.
  const onChoose = (key: string, value: string) => {
    setChoice(choose(matrix, dimensions, choice, key, value));
    setInvalid(null);
    add.reset();
  };

  return (
    <form className="stack purchase-panel" onSubmit={onSubmit} noValidate data-testid="purchase-panel">
      {variants.length > 1 ? <OptionPicker variants={matrix} dimensions={dimensions} choice={choice} onChoose={onChoose} /> : null}
      <p className="row price-line">
        <span className="price price-large" data-testid="price">
          {variant.price}
        </span>
        {variant.compareAtPrice ? (
          <>
            <s className="muted" data-testid="compare-at-price">
              <span className="visually-hidden">Regular price </span>
              {variant.compareAtPrice}
            </s>
            <span className="badge badge-sale">Sale</span>
          </>
        ) : null}
      </p>
      <Availability available={variant.available} />
      <Field label="Quantity" error={invalid ? { message: invalid } : undefined}>
        <input
          type="number"
          min={1}
          max={Math.max(1, Math.min(variant.available, 1000))}
          step={1}
          inputMode="numeric"
          value={quantityText}
          onChange={(event) => {
            setQuantityText(event.target.value);
            add.reset();
          }}
          className="input-quantity"
        />
      </Field>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={add.isPending || variant.available === 0}>
          {add.isPending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <FormError error={add.error} />
      {/* Always present, so each success is announced once, politely; an attempt refused here (invalid set) clears it. */}
      <p role="status">{add.isSuccess && !invalid ? "Added to cart" : null}</p>
    </form>
  );
}
