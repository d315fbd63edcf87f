/** The sign-in page that comes back to `returnTo` afterwards (slashes kept readable). */
export function signInUrl(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo).replaceAll("%2F", "/")}`;
}
