"use client";
import { type OptionList, optionCombinations, skuFromPattern, variantName } from "@shop/api/schemas";
import { FormError, serverFieldErrors } from "@shop/web/ui";
import { useId, useState } from "react";
import { api } from "~/trpc/react";

interface OptionDraft {
  name: string;
  values: string;
}
type RowEdits = Record<string, { sku?: string; price?: string; stock?: string }>;

const toLists = (drafts: OptionDraft[]): OptionList[] =>
  drafts
    .map((draft) => ({ name: draft.name.trim(), values: [...new Set(draft.values.split(",").map((value) => value.trim()).filter(Boolean))] }))
    .filter((option) => option.name && option.values.length);

const defaultPattern = (lists: OptionList[]) => ["{base}", ...lists.map((option) => `{${option.name}}`)].join("-");

/**
 * Variants from option lists: option names with comma-separated values give every
 * combination as a row (SKU from a pattern, price, opening stock, each editable), all
 * created in one call. Combinations the product already has are skipped by the API.
 */
export function VariantMatrixForm({ productId, slug, price }: { productId: string; slug: string; price: string }) {
  const headingId = useId();
  const utils = api.useUtils();
  const generate = api.admin.product.generateVariants.useMutation({ onSuccess: () => utils.admin.product.invalidate() });
  const [drafts, setDrafts] = useState<OptionDraft[]>([{ name: "Size", values: "" }]);
  const [pattern, setPattern] = useState<string | null>(null);
  const [base, setBase] = useState(slug);
  const [defaults, setDefaults] = useState({ price, stock: "0" });
  const [edits, setEdits] = useState<RowEdits>({});
  const [result, setResult] = useState<string | null>(null);

  const lists = toLists(drafts);
  const skuPattern = pattern ?? defaultPattern(lists);
  const rows = lists.length
    ? optionCombinations(lists).map((options) => {
        const key = JSON.stringify(options);
        const edit = edits[key] ?? {};
        return { key, options, sku: edit.sku ?? skuFromPattern(skuPattern, base, options), price: edit.price ?? defaults.price, stock: edit.stock ?? defaults.stock };
      })
    : [];
  const editRow = (key: string, field: "sku" | "price" | "stock", value: string) => setEdits((all) => ({ ...all, [key]: { ...all[key], [field]: value } }));
  const setDraft = (index: number, field: keyof OptionDraft, value: string) => setDrafts((all) => all.map((draft, other) => (other === index ? { ...draft, [field]: value } : draft)));
  const rowErrors = generate.error ? serverFieldErrors(generate.error) : {};

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(null);
    const created = await generate
      .mutateAsync({ productId, variants: rows.map((row) => ({ sku: row.sku, options: row.options, price: row.price, stock: Number(row.stock) })) })
      .catch(() => null);
    if (created) {
      setResult(`${created.created} ${created.created === 1 ? "variant" : "variants"} created${created.skipped ? `, ${created.skipped} already there` : ""}.`);
      setEdits({});
    }
  }

  return (
    <form className="stack admin-form variant-matrix" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>Generate variants from options</h3>
      {drafts.map((draft, index) => (
        <div className="field-row" key={index}>
          <div className="field">
            <label htmlFor={`${headingId}-name-${index}`}>Option {index + 1} name</label>
            <input id={`${headingId}-name-${index}`} className="input-narrow" value={draft.name} onChange={(event) => setDraft(index, "name", event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${headingId}-values-${index}`}>Option {index + 1} values</label>
            <input id={`${headingId}-values-${index}`} value={draft.values} placeholder="S, M, L" onChange={(event) => setDraft(index, "values", event.target.value)} />
          </div>
          {drafts.length > 1 ? (
            <button type="button" className="button" aria-label={`Remove option ${index + 1}`} onClick={() => setDrafts((all) => all.filter((_, other) => other !== index))}>
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {drafts.length < 3 ? (
        <div>
          <button type="button" className="button" onClick={() => setDrafts((all) => [...all, { name: all.length === 1 ? "Colour" : "", values: "" }])}>
            Add an option
          </button>
        </div>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${headingId}-base`}>SKU base</label>
          <input id={`${headingId}-base`} className="input-narrow" value={base} onChange={(event) => setBase(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-pattern`}>SKU pattern</label>
          <input id={`${headingId}-pattern`} value={skuPattern} aria-describedby={`${headingId}-pattern-hint`} onChange={(event) => setPattern(event.target.value)} />
          <p id={`${headingId}-pattern-hint`} className="hint">
            {"{base}"} and each option name in braces, like {"{Size}"}.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-price`}>Price for each</label>
          <input id={`${headingId}-price`} inputMode="decimal" className="input-narrow" value={defaults.price} onChange={(event) => setDefaults((all) => ({ ...all, price: event.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor={`${headingId}-stock`}>Stock for each</label>
          <input id={`${headingId}-stock`} inputMode="numeric" className="input-narrow" value={defaults.stock} onChange={(event) => setDefaults((all) => ({ ...all, stock: event.target.value }))} />
        </div>
      </div>
      {rows.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Variants to create</caption>
            <thead>
              <tr>
                <th>Options</th>
                <th>SKU</th>
                <th>Price</th>
                <th>Stock</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.key}>
                  <td>{variantName(row.options)}</td>
                  {(["sku", "price", "stock"] as const).map((field) => {
                    const problem = rowErrors[`variants.${index}.${field}`]?.[0];
                    return (
                      <td key={field}>
                        <input
                          className={field === "sku" ? undefined : "input-narrow"}
                          inputMode={field === "sku" ? undefined : "decimal"}
                          aria-label={`${field === "sku" ? "SKU" : field === "price" ? "Price" : "Stock"} for ${variantName(row.options)}`}
                          aria-invalid={Boolean(problem)}
                          value={row[field]}
                          onChange={(event) => editRow(row.key, field, event.target.value)}
                        />
                        {problem ? (
                          <div className="field-error" role="alert">
                            {problem}
                          </div>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Name an option and give it values to see the variants.</p>
      )}
      <FormError error={generate.error} />
      {result ? (
        <p className="status-ok" role="status">
          {result}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button button-primary" disabled={!rows.length || generate.isPending}>
          {generate.isPending ? "Creating…" : `Create ${rows.length} ${rows.length === 1 ? "variant" : "variants"}`}
        </button>
      </div>
    </form>
  );
}
