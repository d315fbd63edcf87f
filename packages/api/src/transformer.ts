import { Prisma } from "@shop/db";
import superjson from "superjson";

// Money crosses the API as Prisma's Decimal, never a float: registered here and used
// by the server, the React client and the cache serializer alike.
superjson.registerCustom<Prisma.Decimal, string>(
  {
    isApplicable: (value): value is Prisma.Decimal => Prisma.Decimal.isDecimal(value),
    serialize: (value) => value.toJSON(),
    deserialize: (value) => new Prisma.Decimal(value),
  },
  "decimal.js",
);

export const transformer = superjson;
