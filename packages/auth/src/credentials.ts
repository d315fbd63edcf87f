import { z } from "zod";

// What the sign-in form and the credentials provider share (browser-safe).

/** Sign-in input, checked alike in the form and in the provider's authorize. */
export const signInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("enter an e-mail address").max(254)),
  password: z.string().min(1, "enter your password").max(200),
});

/** Error codes the sign-in forms turn into messages (they travel in the URL: no details). */
export const signInErrorCodes = {
  invalid: "credentials",
  rateLimited: "rate_limited",
  notStaff: "not_staff",
} as const;

const signInMessages: Record<string, string> = {
  [signInErrorCodes.invalid]: "That e-mail and password do not match an account.",
  [signInErrorCodes.notStaff]: "This app is for shop staff. Your account does not have the ADMIN or STAFF role.",
};

/** The form's message for an error code; "rate_limited_42" says to wait 42 s. */
export function signInMessage(code: string | undefined): string {
  const wait = code?.match(new RegExp(`^${signInErrorCodes.rateLimited}_(\\d+)$`))?.[1];
  if (wait) return `Too many sign-in attempts. Try again in ${wait} s.`;
  return signInMessages[code ?? signInErrorCodes.invalid] ?? signInMessages[signInErrorCodes.invalid] ?? "Sign-in failed.";
}
