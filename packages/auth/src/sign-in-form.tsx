"use client";
import { Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signInInput, signInMessage } from "./credentials";

/**
 * Where to go after signing in: `callbackUrl` if it stays on this site, else home. A
 * crafted link must not send people elsewhere ("//evil.example", "/\\evil.example",
 * "https://evil.example" all resolve to another origin).
 */
export function sameSitePath(callbackUrl: string, origin = window.location.origin): string {
  const target = new URL(callbackUrl, origin);
  return target.origin === origin ? `${target.pathname}${target.search}${target.hash}` : "/";
}

/** E-mail and password sign-in through Auth.js's credentials provider. */
export function SignInForm({ callbackUrl = "/" }: { callbackUrl?: string }) {
  const router = useRouter();
  const form = useZodForm(signInInput, { defaultValues: { email: "", password: "" } });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFailure(signInMessage(result?.code));
      return;
    }
    router.replace(sameSitePath(callbackUrl));
    router.refresh();
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Field label="E-mail" error={form.formState.errors.email}>
        <input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" error={form.formState.errors.password}>
        <input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      {failure ? <FormError error={{ message: failure }} /> : null}
      <SubmitButton pending={form.formState.isSubmitting}>Sign in</SubmitButton>
    </form>
  );
}
