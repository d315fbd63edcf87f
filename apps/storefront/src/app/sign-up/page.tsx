import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "~/auth";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if ((await auth())?.user) redirect("/account");
  return (
    <div className="card stack narrow">
      <h1>Create an account</h1>
      <SignUpForm />
      <p className="muted">
        Already have one? <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
