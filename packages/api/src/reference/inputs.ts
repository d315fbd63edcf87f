import { z } from "zod";

/** The subset of JSON Schema that zod's toJSONSchema writes for the shop's inputs. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  propertyNames?: Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  $defs?: Record<string, Schema>;
  default?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  /** Ours: a type JSON Schema cannot state (dates), named as TypeScript would. */
  "x-type"?: string;
}

/** One documented input field: its dotted path (`?` marks optional), type and rules. */
export interface InputField {
  field: string;
  type: string;
  rules: string;
}

/**
 * An input schema as JSON Schema, from the input side of transforms and defaults.
 * Dates (`z.coerce.date()`) have no JSON Schema type: they are named `Date`, as the
 * client sends them through superjson; anything else unrepresentable is `unknown`.
 */
export function inputJsonSchema(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: ({ zodSchema }) => (zodSchema._zod.def.type === "date" ? { "x-type": "Date" } : "any"),
  }) as Schema;
}

const between = (min: number | undefined, max: number | undefined, unit = "") => {
  const suffix = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${suffix}` : `${min}..${max}${suffix}`;
  if (min !== undefined) return `≥ ${min}${suffix}`;
  if (max !== undefined) return `≤ ${max}${suffix}`;
  return null;
};

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1).replace(/^_+/, "");

/** A field's type in TypeScript's words (`string | null`, `"a" | "b"`, `Date`, `{ [key: string]: string }`). */
export function typeOf(schema: Schema): string {
  if (schema["x-type"]) return schema["x-type"];
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return [...new Set(members.map(typeOf))].join(" | ");
  if (Array.isArray(schema.type)) return schema.type.map((type) => typeOf({ ...schema, type })).join(" | ");
  switch (schema.type) {
    case "array": {
      const item = schema.items ? typeOf(schema.items) : "unknown";
      return item.includes(" ") && !item.startsWith("{") ? `(${item})[]` : `${item}[]`;
    }
    case "object":
      if (schema.properties) return "object";
      if (typeof schema.additionalProperties === "object") return `{ [key: string]: ${typeOf(schema.additionalProperties)} }`;
      return "object";
    case undefined:
      return "unknown";
    default:
      return schema.type;
  }
}

/** A field's limits, pattern, format and default, in a few words. */
export function rulesOf(schema: Schema): string {
  const rules: string[] = [];
  if (schema.description) rules.push(schema.description);
  const chars = between(schema.minLength, schema.maxLength, "chars");
  if (chars) rules.push(chars);
  if (schema.format) rules.push(schema.format);
  if (schema.pattern) rules.push(`\`/${schema.pattern}/\``);
  // zod's int() bounds itself to the safe integers; that is no rule of the shop's.
  const bound = (value: number | undefined) => (value === undefined || Math.abs(value) === Number.MAX_SAFE_INTEGER ? undefined : value);
  const range = between(bound(schema.minimum), bound(schema.maximum));
  if (range) rules.push(range);
  if (schema.exclusiveMinimum !== undefined) rules.push(`> ${schema.exclusiveMinimum}`);
  if (schema.exclusiveMaximum !== undefined) rules.push(`< ${schema.exclusiveMaximum}`);
  const items = between(schema.minItems, schema.maxItems, "items");
  if (items) rules.push(items);
  if (schema.type === "array" && schema.items && !schema.items.properties) {
    const each = rulesOf(schema.items);
    if (each) rules.push(`each ${each}`);
  }
  if (schema.propertyNames) {
    const keys = rulesOf(schema.propertyNames);
    if (keys) rules.push(`keys ${keys}`);
  }
  if (typeof schema.additionalProperties === "object" && !schema.additionalProperties.properties) {
    const values = rulesOf(schema.additionalProperties);
    if (values) rules.push(`values ${values}`);
  }
  const members = schema.anyOf ?? schema.oneOf;
  if (members) rules.push(...members.map(rulesOf).filter(Boolean));
  if (schema.default !== undefined) rules.push(`default \`${JSON.stringify(schema.default)}\``);
  return rules.join("; ");
}

/** An object's fields, nested objects and arrays of objects flattened to dotted paths (`products[].name`). */
function fieldsOf(schema: Schema, prefix: string, out: InputField[]) {
  const required = new Set(schema.required ?? []);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = `${prefix}${key}${required.has(key) ? "" : "?"}`;
    out.push({ field, type: typeOf(property), rules: rulesOf(property) });
    if (property.properties) fieldsOf(property, `${field}.`, out);
    else if (property.type === "array" && property.items?.properties) fieldsOf(property.items, `${field}[].`, out);
  }
}

/**
 * The fields of a procedure's input, for the reference's table. An input that is not
 * an object is one row named `(input)`; named definitions (recursive JSON values) get
 * a row each after the fields, so a `$ref` type can be looked up.
 */
export function inputFields(schema: Schema): InputField[] {
  const fields: InputField[] = [];
  if (schema.properties) fieldsOf(schema, "", fields);
  else fields.push({ field: "(input)", type: typeOf(schema), rules: rulesOf(schema) });
  for (const [name, definition] of Object.entries(schema.$defs ?? {})) {
    fields.push({ field: `(${refName(name)})`, type: typeOf(definition), rules: rulesOf(definition) });
  }
  return fields;
}
