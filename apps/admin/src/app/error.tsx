"use client";
import { ErrorState } from "@shop/web/ui";

/** Any page that throws while rendering lands here, with a way to try again. */
export default function PageError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} retry={reset} />;
}
