import { SignInForm } from "@shop/auth/sign-in-form";
import { env } from "@shop/db/env";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="page">
      <div className="card stack" style={{ maxWidth: 480, margin: "3rem auto" }}>
        <h1>Shop admin</h1>
        <p className="muted">For shop staff: sign in with an ADMIN or STAFF account.</p>
        <SignInForm callbackUrl={callbackUrl ?? "/"} />
        {/* Staff accounts are accounts like any other: the storefront resets their passwords. */}
        <p className="muted">
          <a href={new URL("/forgot-password", env().STOREFRONT_URL).href}>Forgot your password?</a>
        </p>
      </div>
    </main>
  );
}
