import { Prisma } from "@shop/db";
import { TRPCError } from "@trpc/server";
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

/**
 * superjson's envelope is `{"json": …, "meta": …}`. Over plain HTTP a caller who sends
 * `{"limit":5}` would otherwise get the procedure's defaults back with no error, so
 * anything that is not an envelope is refused with a message saying how to send it.
 */
function deserialize<T = unknown>(value: unknown): T {
  if (value === undefined || value === null) return value as T;
  // {} is {"json": undefined} after JSON.stringify: a hand-made call with no input.
  const empty = typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
  if (!empty && (typeof value !== "object" || Array.isArray(value) || !("json" in value))) {
    throw new TRPCError({ code: "BAD_REQUEST", message: 'Send the input as superjson\'s envelope, {"json": <input>} (see docs/api.md, "Over HTTP")' });
  }
  return superjson.deserialize<T>(value as SuperJSONResult);
}

export const transformer = {
  serialize,
  deserialize,
  stringify: superjson.stringify,
  parse: superjson.parse,
};
