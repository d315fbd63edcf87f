import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="card stack narrow">
      <h1>Forgot your password?</h1>
      <p>Enter the e-mail address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="muted">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
