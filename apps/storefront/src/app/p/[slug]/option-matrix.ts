/**
 * Which option values a customer can pick on the product page, from the variants'
 * `options` JSON ({"size":"M","colour":"navy"}). Options are chosen in order (size,
 * then colour): a value's state depends on the choices made for the options before
 * it, so every existing variant stays reachable however sparse the matrix is.
 */

export interface MatrixVariant {
  id: string;
  /** Name and value of each option, e.g. {size: "M", colour: "navy"}. */
  options: Record<string, string>;
  available: number;
}

/** One picker: an option's key and its values in the variants' order. */
export interface OptionDimension {
  key: string;
  values: string[];
}

export type Choice = Record<string, string>;

/** available: in stock; soldOut: the combination exists, none left; unavailable: no such variant. */
export type ValueState = "available" | "soldOut" | "unavailable";

/** The key used when variants carry no consistent options: one picker listing each variant's label. */
export const VARIANT_KEY = "variant";

/**
 * A variant's options as strings, or null unless it is a non-empty object of scalars.
 * The column is free-form JSON, so nothing about its shape is taken on trust.
 */
function parseOptions(options: unknown): Record<string, string> | null {
  if (!options || typeof options !== "object" || Array.isArray(options)) return null;
  const entries = Object.entries(options).filter(([, value]) => typeof value === "string" || typeof value === "number");
  return entries.length ? Object.fromEntries(entries.map(([key, value]) => [key, String(value)])) : null;
}

/**
 * The variants as the picker sees them: their own options when every variant names the
 * same options, else one option whose values are the variants' labels (products whose
 * variants were created without options, or with different ones).
 */
export function matrixVariants<V extends { id: string; label: string; options: unknown; available: number }>(variants: V[]): (V & MatrixVariant)[] {
  const parsed = variants.map((variant) => parseOptions(variant.options));
  const keys = (options: Record<string, string> | null) => (options ? Object.keys(options).sort().join("\u0000") : null);
  const first = keys(parsed[0] ?? null);
  const consistent = first !== null && parsed.every((options) => keys(options) === first);
  return variants.map((variant, index) => ({ ...variant, options: (consistent && parsed[index]) || { [VARIANT_KEY]: variant.label } }));
}

/** The options in the order the first variant names them, each value once in variant order. */
export function optionDimensions(variants: MatrixVariant[]): OptionDimension[] {
  const dimensions: OptionDimension[] = Object.keys(variants[0]?.options ?? {}).map((key) => ({ key, values: [] }));
  for (const variant of variants) {
    for (const dimension of dimensions) {
      const value = variant.options[dimension.key];
      if (value !== undefined && !dimension.values.includes(value)) dimension.values.push(value);
    }
  }
  return dimensions;
}

/** Variants agreeing with `choice` on the options before `index`. */
const matchingBefore = (variants: MatrixVariant[], dimensions: OptionDimension[], choice: Choice, index: number) =>
  variants.filter((variant) => dimensions.slice(0, index).every(({ key }) => variant.options[key] === choice[key]));

/** The state of each value of option `key`, given the choices made for the options before it. */
export function valueStates(variants: MatrixVariant[], dimensions: OptionDimension[], choice: Choice, key: string): Map<string, ValueState> {
  const index = dimensions.findIndex((dimension) => dimension.key === key);
  const candidates = matchingBefore(variants, dimensions, choice, index);
  return new Map(
    (dimensions[index]?.values ?? []).map((value): [string, ValueState] => {
      const withValue = candidates.filter((variant) => variant.options[key] === value);
      if (!withValue.length) return [value, "unavailable"];
      return [value, withValue.some((variant) => variant.available > 0) ? "available" : "soldOut"];
    }),
  );
}

/**
 * Keeps each option's value while a variant still has it (given the options before),
 * else moves it to the first value in stock, else the first that exists: so `choice`
 * always names an existing variant.
 */
function settle(variants: MatrixVariant[], dimensions: OptionDimension[], choice: Choice, from: number): Choice {
  const settled = { ...choice };
  for (const { key } of dimensions.slice(from)) {
    const states = valueStates(variants, dimensions, settled, key);
    const current = states.get(settled[key] ?? "");
    if (current === "available" || current === "soldOut") continue;
    const values = [...states.keys()];
    settled[key] = values.find((value) => states.get(value) === "available") ?? values.find((value) => states.get(value) === "soldOut") ?? "";
  }
  return settled;
}

/** The choice to start from: the first variant in stock, else the first variant. */
export function initialChoice(variants: MatrixVariant[]): Choice {
  return { ...(variants.find((variant) => variant.available > 0) ?? variants[0])?.options };
}

/** `choice` with option `key` set to `value`, and the options after it settled on an existing variant. */
export function choose(variants: MatrixVariant[], dimensions: OptionDimension[], choice: Choice, key: string, value: string): Choice {
  const index = dimensions.findIndex((dimension) => dimension.key === key);
  return settle(variants, dimensions, { ...choice, [key]: value }, index + 1);
}

/**
 * The variant a full choice names. Variants with identical options cannot be told apart
 * by a customer, so the first of them in stock stands for all.
 */
export function variantFor<V extends MatrixVariant>(variants: V[], choice: Choice): V | undefined {
  const matches = variants.filter((variant) => Object.entries(variant.options).every(([key, value]) => choice[key] === value));
  return matches.find((variant) => variant.available > 0) ?? matches[0];
}

/** "colour" → "Colour", "navy" → "Navy": option names and values as shown. */
export const displayName = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
