import { SignInForm } from "@shop/auth/sign-in-form";
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <div className="card stack" style={{ maxWidth: 480, margin: "0 auto" }}>
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl ?? "/"} />
      <p className="muted">
        <Link href="/forgot-password">Forgot your password?</Link> · New here? <Link href="/sign-up">Create an account</Link>
      </p>
    </div>
  );
}
