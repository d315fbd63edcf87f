"use client";
import type { RouterOutputs } from "@shop/api";
import { quantity as quantitySchema } from "@shop/api/schemas";
import { formatMoney } from "@shop/web/format";
import { FormError } from "@shop/web/ui";
import Link from "next/link";
import { useState } from "react";
import { api } from "~/trpc/react";

type Item = RouterOutputs["cart"]["get"]["items"][number];

/** One cart line: quantity saved when the field is left or Enter is pressed, and a remove button. */
export function CartLine({ item }: { item: Item }) {
  const utils = api.useUtils();
  const onSuccess = (next: RouterOutputs["cart"]["get"]) => utils.cart.get.setData(undefined, next);
  const update = api.cart.update.useMutation({ onSuccess });
  const remove = api.cart.remove.useMutation({ onSuccess });
  const [quantityText, setQuantityText] = useState(String(item.quantity));
  const [invalid, setInvalid] = useState(false);
  const { variant } = item;
  const name = variant.product.name;

  const save = () => {
    const parsed = quantitySchema.safeParse(Number(quantityText));
    setInvalid(!parsed.success);
    if (parsed.success && parsed.data !== item.quantity) update.mutate({ variantId: variant.id, quantity: parsed.data });
  };

  return (
    <tr>
      <td data-label="Product">
        <Link href={`/p/${variant.product.slug}`}>{name}</Link>
        <div className="muted">
          {variant.name ? `${variant.name} · ` : null}SKU {variant.sku}
        </div>
        {!item.purchasable ? (
          <span className="badge badge-danger">{item.available ? `Only ${item.available} available` : "Out of stock"}</span>
        ) : null}
      </td>
      <td data-label="Unit price">{formatMoney(variant.price, variant.currency)}</td>
      <td data-label="Quantity">
        <input
          type="number"
          min={1}
          max={1000}
          step={1}
          inputMode="numeric"
          aria-label={`Quantity of ${name}${variant.name ? ` (${variant.name})` : ""}`}
          aria-invalid={invalid}
          className="input-quantity"
          value={quantityText}
          onChange={(event) => setQuantityText(event.target.value)}
          onBlur={save}
          onKeyDown={(event) => event.key === "Enter" && save()}
          disabled={update.isPending}
        />
        {invalid ? <span className="field-error" role="alert">1 to 1000</span> : null}
        <FormError error={update.error} />
      </td>
      <td data-label="Total" className="price">{formatMoney(item.lineTotal, variant.currency)}</td>
      <td data-label="">
        <button type="button" className="button button-danger" onClick={() => remove.mutate({ variantId: variant.id })} disabled={remove.isPending} aria-label={`Remove ${name}${variant.name ? ` (${variant.name})` : ""}`}>
          Remove
        </button>
        <FormError error={remove.error} />
      </td>
    </tr>
  );
}
