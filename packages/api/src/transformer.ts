import { Prisma } from "@shop/db";
import superjson, { type SuperJSONResult } from "superjson";
import { deepFreeze } from "./lib/freeze";

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

/**
 * Each cached value is serialised once, not once per request that reads it. A frozen
 * object is one the cache's memory tier holds (deep-frozen as it entered, shared by
 * reference, lib/cache.ts): its content cannot change while the reference lives, and an
 * edit or invalidation fills the cache with a new object, so a memo keyed by reference
 * is exactly as fresh as the cache. This serves every caller (batches, server-side
 * calls, signed-in requests); the route handler's kept answers (packages/web
 * trpc/answers.ts) go further only for repeated anonymous GETs of one URL. A
 * WeakMap, so an entry goes when the memory tier drops the value. Anything not frozen
 * (uncached results, errors, values a procedure built from a cached one) is
 * serialised as before.
 */
const serialised = new WeakMap<object, SuperJSONResult>();

function serialize(value: unknown): SuperJSONResult {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return superjson.serialize(value);
  let result = serialised.get(value);
  if (!result) {
    // Frozen too: every later answer shares it, so nothing may change it.
    result = deepFreeze(superjson.serialize(value));
    serialised.set(value, result);
  }
  return result;
}

export const transformer = {
  serialize,
  deserialize: superjson.deserialize,
  stringify: superjson.stringify,
  parse: superjson.parse,
};
