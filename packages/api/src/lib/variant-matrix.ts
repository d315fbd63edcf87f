import slugify from "@sindresorhus/slugify";

/**
 * Variants from option lists (Size: S, M, L × Colour: Red, Blue): every combination,
 * in the order the lists give. Browser-safe: the admin form previews the matrix with
 * the same functions the API's tests use.
 */
export interface OptionList {
  name: string;
  values: string[];
}

/** Every combination of one value per option, as an options record ({ Size: "S", Colour: "Red" }). */
export function optionCombinations(options: OptionList[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (rows, option) => rows.flatMap((row) => option.values.map((value) => ({ ...row, [option.name]: value }))),
    [{}],
  );
}

/**
 * A variant's SKU from a pattern: `{base}` is the product's base, `{Size}` (any option
 * name) that option's value, upper-cased and made SKU-safe: "{base}-{Size}-{Colour}"
 * gives "TEE-M-RED".
 */
export function skuFromPattern(pattern: string, base: string, options: Record<string, string>): string {
  const part = (text: string) => slugify(text, { separator: "-", lowercase: false }).toUpperCase();
  return pattern.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    if (name === "base") return part(base);
    const value = options[name];
    return value === undefined ? whole : part(value);
  });
}

/** The variant's display name: its option values joined, "M / Red". */
export const variantName = (options: Record<string, string>) => Object.values(options).join(" / ");

/** Two options records name the same variant when they hold the same pairs, in any order. */
export function sameOptions(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
