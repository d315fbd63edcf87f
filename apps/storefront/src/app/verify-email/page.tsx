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
      if (error instanceof TRPCError && error.code === "BAD_REQUEST") return error.cause ? "This link is incomplete: open it from the e-mail again." : error.message;
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
