/** A tRPC mutation over HTTP, as the storefront's client sends it (JSON from the app's own origin). */
export async function mutate(base: string, path: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...headers },
    body: JSON.stringify({ json: input }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

/**
 * Auth.js's credentials sign-in over HTTP, as next-auth/react's signIn does it. Returns
 * the session cookie on success, else the error code Auth.js hands the form.
 */
export async function signInOverHttp(base: string, email: string, secret: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1", cookie, ...headers },
    body: new URLSearchParams({ email, password: secret, csrfToken, callbackUrl: base }),
  });
  const { url } = (await response.json()) as { url: string };
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  return { session: session?.split(";")[0] ?? null, code: new URL(url).searchParams.get("code") };
}

/** The wait in seconds a refused sign-in's code names (`rate_limited_<s>`), NaN for any other code. */
export const waitOf = (code: string | null) => Number(code?.match(/^rate_limited_(\d+)$/)?.[1] ?? NaN);
