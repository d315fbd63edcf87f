import { setSettingInput, settingKey } from "@shop/api/schemas";
import { z } from "zod";

export const settingTypes = ["STRING", "NUMBER", "BOOLEAN", "JSON"] as const;
type SettingType = (typeof settingTypes)[number];

/** The type the API will store a value as (it decides by the JSON value's kind). */
export function typeOf(value: unknown): SettingType {
  if (typeof value === "string") return "STRING";
  if (typeof value === "number") return "NUMBER";
  if (typeof value === "boolean") return "BOOLEAN";
  return "JSON";
}

/** A stored value as its editor shows it. */
export function toText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value, null, typeOf(value) === "JSON" ? 2 : undefined);
}

function parseText(text: string, type: SettingType): { value: unknown } | { problem: string } {
  if (type === "STRING") return { value: text };
  if (type === "NUMBER") return text.trim() !== "" && Number.isFinite(Number(text)) ? { value: Number(text) } : { problem: "enter a number" };
  if (type === "BOOLEAN") return text === "true" || text === "false" ? { value: text === "true" } : { problem: "choose true or false" };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { problem: "not valid JSON" };
  }
}

/** What the setting form edits (a typed text), turned into the API's own `set` input. */
export const settingFormSchema = z
  .object({ key: settingKey, type: z.enum(settingTypes), text: z.string() })
  .transform((input, ctx): z.input<typeof setSettingInput> => {
    const parsed = parseText(input.text, input.type);
    if ("problem" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.problem, path: ["text"] });
      return z.NEVER;
    }
    return { key: input.key, value: parsed.value as z.input<typeof setSettingInput>["value"] };
  })
  .pipe(setSettingInput);
