import { Decimal } from "@shop/db/decimal";
import { SuperJSON } from "superjson";

/**
 * The apps' side of the API's superjson transformer (`@shop/api`'s transformer.ts):
 * the same "decimal.js" registration, built on the browser-safe Decimal so client
 * bundles never pull in the Prisma client. Its own instance, so it never replaces
 * the server's registration when both load in one process.
 */
export const transformer = new SuperJSON();
transformer.registerCustom<Decimal, string>(
  {
    isApplicable: (value): value is Decimal => Decimal.isDecimal(value),
    serialize: (value) => value.toJSON(),
    deserialize: (value) => new Decimal(value),
  },
  "decimal.js",
);
