import type { RouterOutputs } from "@shop/api";
import { z } from "zod";

type StoredOptions = RouterOutputs["admin"]["product"]["byId"]["variants"][number]["options"];

/** Variant options as stored (JSON) to the record the API takes; anything else is no options. */
export function optionsRecord(options: StoredOptions): Record<string, string> {
  if (!options || typeof options !== "object" || Array.isArray(options)) return {};
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, String(value)]));
}

export const formatOptions = (options: StoredOptions) =>
  Object.entries(optionsRecord(options))
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");

/** "size=M" lines, as people type them in the add-variant form, to an options record. */
export const optionLines = z.string().transform((text, ctx) => {
  const options: Record<string, string> = {};
  for (const line of text.split("\n").map((entry) => entry.trim()).filter(Boolean)) {
    const [key, ...rest] = line.split("=");
    if (!key?.trim() || !rest.length) {
      ctx.addIssue({ code: "custom", message: `"${line}" is not name=value` });
      return z.NEVER;
    }
    options[key.trim()] = rest.join("=").trim();
  }
  return options;
});
