import type { z } from "zod";

/**
 * The words people see when an input is refused, for every zod schema (installed as
 * zod's `customError` by ./schemas.ts, which every input schema imports, so the API's
 * field errors and the apps' forms say the same thing). A message written on a schema
 * itself wins over these; these replace zod's own texts ("Too small: expected string
 * to have >=1 characters"), which are written for developers.
 */

/** How a field is named inside a sentence, by its key in the input: "Enter the city". */
const fieldNames: Record<string, string> = {
  name: "a name",
  email: "your e-mail address",
  password: "a password",
  currentPassword: "your current password",
  newPassword: "a new password",
  street: "the street",
  city: "the city",
  state: "the state or region",
  zipCode: "the ZIP or postal code",
  country: "the country",
  phone: "a phone number",
  title: "a title",
  body: "some text",
  slug: "a slug",
  sku: "a SKU",
  price: "a price",
  compareAtPrice: "a compare-at price",
  amount: "an amount",
  q: "something to search for",
  rating: "a rating",
  quantity: "a quantity",
  delta: "a quantity",
  reason: "a reason",
  value: "a value",
};

/** Rules that span fields, in the words the API's schemas and the apps' forms share. */
export const ruleMessages = {
  compareAtAbovePrice: "The compare-at price must be above the price, or left empty",
};

/** Option values people see in "Choose one of: …", where turning the code into words is not enough. */
const optionNames: Record<string, string> = {
  price_asc: "Price, low to high",
  price_desc: "Price, high to low",
};

/** "PARTIALLY_REFUNDED" → "Partially refunded", "price_asc" → "Price, low to high". */
export function optionLabel(value: unknown): string {
  const text = String(value);
  const named = optionNames[text];
  if (named) return named;
  const words = text.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldName(path: readonly PropertyKey[] | undefined): string | undefined {
  const key = [...(path ?? [])].reverse().find((part) => typeof part === "string");
  return key === undefined ? undefined : fieldNames[key];
}

const enter = (path: readonly PropertyKey[] | undefined) => {
  const name = fieldName(path);
  return name ? `Enter ${name}` : "This field is required";
};

const count = (n: number | bigint, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const amount = (n: number | bigint | Date) => (n instanceof Date ? n.toISOString().slice(0, 10) : n.toLocaleString("en-US"));

const typeNames: Record<string, string> = {
  number: "Enter a number",
  int: "Enter a whole number",
  string: "Enter text",
  boolean: "Choose yes or no",
  date: "Enter a valid date",
  array: "Enter a list",
  object: "Fill in this section",
};

const formats: Record<string, string> = {
  email: "Enter a valid e-mail address, like name@example.com",
  url: "Enter a web address starting with https://",
  date: "Enter a valid date",
  datetime: "Enter a valid date and time",
  regex: "This is not in the expected form",
};

/** zod's error map (`z.config({ customError })`): a sentence for each kind of issue. */
export const humanError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return issue.expected === "string" || issue.expected === "number" ? enter(issue.path) : "This field is required";
      return typeNames[issue.expected] ?? "This value is not valid";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? enter(issue.path) : `Must be at least ${count(issue.minimum, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set") return Number(issue.minimum) <= 1 ? "Choose at least one" : `Choose at least ${amount(issue.minimum)}`;
      return issue.inclusive ? `Must be at least ${amount(issue.minimum)}` : `Must be more than ${amount(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") return `Must be at most ${count(issue.maximum, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${amount(issue.maximum)}`;
      return issue.inclusive ? `Must be at most ${amount(issue.maximum)}` : `Must be less than ${amount(issue.maximum)}`;
    case "invalid_value":
      return issue.values.length === 1 ? `Must be ${optionLabel(issue.values[0])}` : `Choose one of: ${issue.values.map(optionLabel).join(", ")}`;
    case "invalid_format":
      return formats[issue.format] ?? "This is not in the expected form";
    case "not_multiple_of":
      return `Must be a multiple of ${amount(Number(issue.divisor))}`;
    case "unrecognized_keys":
      return `Not a field here: ${issue.keys.join(", ")}`;
    case "invalid_key":
    case "invalid_element":
      return "Contains an entry that is not allowed";
    case "invalid_union":
    case "custom":
      return "This value is not valid";
  }
};
