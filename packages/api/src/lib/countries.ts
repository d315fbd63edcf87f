import { z } from "zod";
// The default import: Node's ESM loader sees no named exports in this CommonJS package.
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json";

// The browser build of i18n-iso-countries registers no locale: register the one the shop shows.
countries.registerLocale(english);

/** ISO 3166-1 alpha-2 code → English name, from i18n-iso-countries (the one list the shop uses). */
export const countryNames: Readonly<Record<string, string>> = countries.getNames("en", { select: "official" });

/** Every country, by name, for the address forms' select. */
export const countryOptions = Object.entries(countryNames)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

export const isCountryCode = (code: string) => Object.hasOwn(countryNames, code);

/** A country the address forms offer ("us" is read as "US"). */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country from the list");
