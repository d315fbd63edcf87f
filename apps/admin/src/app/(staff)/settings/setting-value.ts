import { settingSchemas, type SettingKey, type Settings } from "@shop/api/schemas";
import { z } from "zod";

/**
 * How each setting is edited. Every form validates through the API's own schema for
 * that key (`settingSchemas`), so it refuses what `admin.settings.set` would, with the
 * same messages, and the server's field errors (`value`, `value.USD`) land on the
 * same fields.
 */
export type SettingEditor = "text" | "number" | "percent" | "boolean" | "select" | "json" | "currency" | "currencies" | "amounts";

interface EditorSpec {
  label: string;
  hint: string;
  editor: SettingEditor;
}

/** Keys with a hand-picked label and control; any other key gets one from its schema's shape (editorOf). */
const settingEditors: Partial<Record<SettingKey, EditorSpec>> = {
  "store.name": { label: "Store name", hint: "shown to customers", editor: "text" },
  "store.currency": { label: "Default currency", hint: "new products are priced in it; one of the currencies sold in", editor: "currency" },
  "store.currencies": {
    label: "Currencies sold in",
    hint: "ISO codes, comma-separated, at most 2 decimals each (e.g. USD, EUR, JPY); set shipping for a currency before adding it",
    editor: "currencies",
  },
  "shipping.methods": {
    label: "Shipping methods",
    hint: 'a JSON list offered at checkout, e.g. [{"code": "standard", "name": "Standard", "price": {"USD": "4.95"}, "freeOver": {"USD": "75"}, "estimate": "3–5 business days", "countries": ["US"]}]; empty: the flat rate below',
    editor: "json",
  },
  "shipping.flatRate": { label: "Shipping flat rate", hint: "charged per order, in the order's currency, while there are no shipping methods", editor: "amounts" },
  "shipping.freeOver": { label: "Free shipping from", hint: "orders whose subtotal reaches this ship free, while there are no shipping methods", editor: "amounts" },
  "tax.rate": { label: "Tax rate (%)", hint: "a percentage of the subtotal, e.g. 8.25", editor: "percent" },
  "inventory.lowStockThreshold": { label: "Low-stock threshold", hint: "a whole number of units", editor: "number" },
  "checkout.holdMinutes": { label: "Payment hold (minutes)", hint: "how long an unpaid order keeps its items before it expires", editor: "number" },
};

const schemaOf = (key: SettingKey) => settingSchemas[key] as unknown as z.ZodType;

/** A text, number, yes/no or one-of field for schemas of those shapes; JSON for lists and objects. */
function inferredEditor(schema: z.ZodType): SettingEditor {
  const type = schema._zod.def.type;
  if (type === "string") return "text";
  if (type === "number") return "number";
  if (type === "boolean") return "boolean";
  if (type === "enum") return "select";
  return "json";
}

export function editorOf(key: SettingKey): EditorSpec {
  return settingEditors[key] ?? { label: key, hint: "", editor: inferredEditor(schemaOf(key)) };
}

/** The choices of a one-of setting (a z.enum schema). */
export const choicesOf = (key: SettingKey): string[] => Object.values((schemaOf(key)._zod.def as { entries?: Record<string, string> }).entries ?? {});

/** What the form holds for a key: text, or one text per currency for amounts. */
export type SettingFormValues = { value: string } | { value: Record<string, string> };

/** A stored value as its form shows it. */
export function toFormValues<K extends SettingKey>(key: K, value: Settings[K]): SettingFormValues {
  const editor = editorOf(key).editor;
  if (editor === "amounts") return { value: { ...(value as Record<string, string>) } };
  if (editor === "currencies") return { value: (value as string[]).join(", ") };
  // Rounded to drop binary noise (0.0825 * 100 = 8.250000000000002).
  if (editor === "percent") return { value: String(Number(((value as number) * 100).toFixed(6))) };
  if (editor === "json") return { value: JSON.stringify(value, null, 2) };
  return { value: String(value) };
}

const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const fromPercent = (text: string) => Number((toNumber(text.replace("%", "")) / 100).toFixed(8));
const fromJson = (text: string, ctx: z.RefinementCtx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "not valid JSON" });
    return z.NEVER;
  }
};
const toCodes = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
const withoutEmpty = (amounts: Record<string, string>) => Object.fromEntries(Object.entries(amounts).filter(([, amount]) => amount.trim() !== ""));

/** The form's schema for `key`: its text turned into the API's value, then the API's own rules. */
export function settingFormSchema(key: SettingKey): z.ZodType<{ value: unknown }, SettingFormValues> {
  const rules = schemaOf(key);
  const editor = editorOf(key).editor;
  const text: z.ZodType = {
    amounts: z.record(z.string(), z.string()).transform(withoutEmpty),
    number: z.string().transform(toNumber),
    percent: z.string().transform(fromPercent),
    boolean: z.string().transform((value) => value === "true"),
    json: z.string().transform(fromJson),
    currencies: z.string().transform(toCodes),
    text: z.string(),
    select: z.string(),
    currency: z.string(),
  }[editor];
  return z.object({ value: text.pipe(rules) }) as unknown as z.ZodType<{ value: unknown }, SettingFormValues>;
}
