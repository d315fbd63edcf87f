import "server-only";
import { redirect } from "next/navigation";
import { auth } from "~/auth";
import { signInUrl } from "./sign-in-url";

/** The signed-in session, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireSession(returnTo: string) {
  const session = await auth();
  if (!session?.user) redirect(signInUrl(returnTo));
  return session;
}
