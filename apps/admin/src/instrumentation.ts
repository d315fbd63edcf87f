/** Runs once when the server starts, before it serves a request. */
export async function register() {
  // NEXT_RUNTIME is a constant Next.js inlines per bundle, not configuration: the hook patches node:http.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("@shop/api/client-address")).installClientAddress();
}
