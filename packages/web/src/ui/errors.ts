/** The tRPC error shape our error formatter produces (see @shop/api trpc.ts). */
interface ApiErrorLike {
  message?: string;
  data?: { code?: string; zodError?: { fieldErrors: Record<string, string[]>; formErrors: string[] } | null } | null;
}

/** A field's path as words: "address.zipCode" → "Zip code" (the last key, split at capitals). */
function fieldLabel(path: string): string {
  const key = path.split(".").filter((part) => !/^\d+$/.test(part)).at(-1) ?? path;
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A sentence for people: never a stack trace, never "[object Object]". */
export function errorMessage(error: unknown): string {
  const apiError = error as ApiErrorLike | null;
  const zod = apiError?.data?.zodError;
  if (zod) {
    const fields = Object.entries(zod.fieldErrors).map(([field, messages]) => `${fieldLabel(field)}: ${messages.join(", ")}`);
    return [...zod.formErrors, ...fields].join("; ") || "Please check the form.";
  }
  if (apiError?.data?.code === "UNAUTHORIZED") return "Please sign in to continue.";
  if (apiError?.data?.code === "FORBIDDEN") return "Your account is not allowed to do this.";
  return apiError?.message || "Unexpected error. Please try again.";
}

/** Server-side field errors (BAD_REQUEST with zod issues), keyed by field path. */
export function serverFieldErrors(error: unknown): Record<string, string[]> {
  return (error as ApiErrorLike | null)?.data?.zodError?.fieldErrors ?? {};
}
