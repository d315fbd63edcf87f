"use client";
import { updateUserInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "~/trpc/react";

/**
 * A new password, proven by the current one (user.update checks it). The change signs out
 * every session of the account, this one too, so this device signs in again with it.
 */
export function PasswordForm() {
  const router = useRouter();
  const form = useZodForm(updateUserInput, { defaultValues: { currentPassword: "", newPassword: "" } });
  const [signInFailed, setSignInFailed] = useState(false);
  const update = api.user.update.useMutation({
    onError: (error) => applyServerErrors(form, error),
    onSuccess: async (user, values) => {
      form.reset({ currentPassword: "", newPassword: "" });
      const result = await signIn("credentials", { email: user.email, password: values.newPassword, redirect: false });
      if (!result || result.error) setSignInFailed(true);
      router.refresh();
    },
  });
  const onSubmit = form.handleSubmit((values) => {
    // In the API a missing new password just means "no change"; here it is the point of the form.
    if (!values.newPassword) return form.setError("newPassword", { message: "enter a new password" });
    update.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  });
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <Field label="Current password" error={form.formState.errors.currentPassword}>
        <input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label="New password" error={form.formState.errors.newPassword} hint="At least 8 characters">
        <input type="password" autoComplete="new-password" {...form.register("newPassword", { setValueAs: (value: string) => value || undefined })} />
      </Field>
      <FormError error={update.error} />
      {update.isSuccess ? <p role="status">Password changed. Other devices are signed out.</p> : null}
      {signInFailed ? <p role="alert">Sign in again with your new password.</p> : null}
      <SubmitButton pending={update.isPending}>Change password</SubmitButton>
    </form>
  );
}
