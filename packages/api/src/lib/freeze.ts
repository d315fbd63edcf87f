/**
 * Freezes plain objects and arrays, deeply. Other instances are left alone: Decimal is
 * immutable by its API, a Date cannot be frozen, and a Buffer refuses Object.freeze.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
