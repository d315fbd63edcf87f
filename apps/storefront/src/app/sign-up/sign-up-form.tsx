"use client";
import { registerInput } from "@shop/api/schemas";
import { signInErrorCodes, signInMessage } from "@shop/auth/credentials";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "~/trpc/react";

/**
 * auth.register, then the same credentials sign-in the sign-in page uses. register
 * answers alike for a new and a taken e-mail, so if signing in fails the message must
 * not say which it was.
 */
export function SignUpForm() {
  const router = useRouter();
  const form = useZodForm(registerInput, { defaultValues: { name: "", email: "", password: "" } });
  const [failure, setFailure] = useState<unknown>(null);
  const register = api.auth.register.useMutation();

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await register.mutateAsync(values);
    } catch (error) {
      applyServerErrors(form, error);
      setFailure(error);
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error) {
      const limited = result?.code?.startsWith(signInErrorCodes.rateLimited);
      setFailure({ message: limited ? signInMessage(result?.code) : "We could not sign you in. If you already have an account, sign in with its password." });
      return;
    }
    router.replace("/");
    router.refresh();
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Create account">
      <Field label="Name" error={form.formState.errors.name}>
        <input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label="E-mail" error={form.formState.errors.email}>
        <input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label="Password" error={form.formState.errors.password} hint="At least 8 characters">
        <input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <FormError error={failure} />
      <SubmitButton pending={form.formState.isSubmitting}>Create account</SubmitButton>
    </form>
  );
}
