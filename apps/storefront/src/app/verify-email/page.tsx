import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false }, referrer: "no-referrer" };

/** The confirmation link's landing: opening it confirms (a mail scanner that opens it first proves delivery just as well). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const problem = await api.auth
    .verifyEmail({ token: token ?? "" })
    .then(() => null)
    .catch((error: unknown) => {
      // A malformed token's words are its input schema's (the zod issue is the cause).
      if (error instanceof TRPCError && error.code === "BAD_REQUEST") return (error.cause as { issues?: { message: string }[] } | undefined)?.issues?.[0]?.message ?? error.message;
      throw error;
    });
  return (
    <div className="card stack narrow">
      <h1>{problem ? "We could not confirm your address" : "Your e-mail address is confirmed"}</h1>
      {problem ? (
        <p role="alert">
          {problem} <Link href="/account">Your account</Link>
        </p>
      ) : (
        <p role="status">
          Thank you. <Link href="/">Continue shopping</Link>
        </p>
      )}
    </div>
  );
}
