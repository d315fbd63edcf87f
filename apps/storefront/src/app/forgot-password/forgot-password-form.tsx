"use client";
import { requestPasswordResetInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { api } from "~/trpc/react";

/** auth.requestPasswordReset; the answer is the same whether or not the address has an account, and so is this page's. */
export function ForgotPasswordForm() {
  const form = useZodForm(requestPasswordResetInput, { defaultValues: { email: "" } });
  const request = api.auth.requestPasswordReset.useMutation({ onError: (error) => applyServerErrors(form, error) });
  const onSubmit = form.handleSubmit((values) => request.mutate(values));
  if (request.isSuccess) {
    return (
      <p role="status">
        If an account uses {request.variables.email}, a link to choose a new password is on its way. It works once, for 30 minutes. Check your spam folder if it does not arrive in a few minutes.
      </p>
    );
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Reset password">
      <Field label="E-mail" error={form.formState.errors.email}>
        <input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <FormError error={request.error} />
      <SubmitButton pending={request.isPending}>Send the link</SubmitButton>
    </form>
  );
}
