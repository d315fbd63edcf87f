import type { RouterOutputs } from "@shop/api";
import { z } from "zod";

type StoredOptions = RouterOutputs["admin"]["product"]["byId"]["variants"][number]["options"];

/** Variant options as stored (JSON) to the record the API takes; anything else is no options. */
export function optionsRecord(options: StoredOptions): Record<string, string> {
  if (!options || typeof options !== "object" || Array.isArray(options)) return {};
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, String(value)]));
}

/** A variant's options as the forms edit them: one name and value per row. */
export const toOptionRows = (options: StoredOptions) => Object.entries(optionsRecord(options)).map(([name, value]) => ({ name, value }));

/**
 * The forms' option rows to the record the API takes. Each row's fields carry their own
 * errors (name and value required, within the API's lengths); a name used twice is
 * refused on the second row, since a record holds one value per option.
 */
export const optionRows = z
  .array(z.object({ name: z.string().trim().min(1).max(40), value: z.string().trim().min(1).max(80) }))
  .max(10)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = row.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `"${row.name}" is already an option of this variant`, path: [index, "name"] });
      seen.add(key);
    });
  })
  .transform((rows) => Object.fromEntries(rows.map((row) => [row.name, row.value])));

