"use client";
import { resetPasswordInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import Link from "next/link";
import { api } from "~/trpc/react";

/** auth.resetPassword with the link's token; afterwards every device signs in with the new password. */
export function ResetPasswordForm({ token }: { token: string }) {
  const form = useZodForm(resetPasswordInput, { defaultValues: { token, password: "" } });
  const reset = api.auth.resetPassword.useMutation({ onError: (error) => applyServerErrors(form, error) });
  const onSubmit = form.handleSubmit((values) => reset.mutate(values));
  if (reset.isSuccess) {
    return (
      <p role="status">
        Your password is changed, and every device that was signed in is signed out. <Link href="/sign-in">Sign in with your new password</Link>.
      </p>
    );
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
      <Field label="New password" error={form.formState.errors.password} hint="At least 8 characters">
        <input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      {/* The token has no field of its own: a malformed one is said above the button. */}
      <FormError error={form.formState.errors.token} />
      <FormError error={reset.error} />
      {reset.error?.data?.code === "BAD_REQUEST" && !reset.error.data.zodError ? (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      ) : null}
      <SubmitButton pending={reset.isPending}>Set new password</SubmitButton>
    </form>
  );
}
