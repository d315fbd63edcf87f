"use client";
import type { RouterOutputs } from "@shop/api";
import { updateUserInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, QueryView, SubmitButton, useZodForm } from "@shop/web/ui";
import { useRouter } from "next/navigation";
import { api } from "~/trpc/react";

/** The customer's display name (user.update). */
export function ProfileForm() {
  const me = api.user.me.useQuery();
  return <QueryView query={me}>{(user) => <NameForm user={user} />}</QueryView>;
}

function NameForm({ user }: { user: RouterOutputs["user"]["me"] }) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useZodForm(updateUserInput, { defaultValues: { name: user.name ?? "" } });
  const update = api.user.update.useMutation({
    onError: (error) => applyServerErrors(form, error),
    onSuccess: (next) => {
      utils.user.me.setData(undefined, next);
      form.reset({ name: next.name ?? "" });
      router.refresh();
    },
  });
  return (
    <form className="stack" onSubmit={form.handleSubmit((values) => update.mutate({ name: values.name }))} noValidate>
      <Field label="Name" error={form.formState.errors.name}>
        <input autoComplete="name" {...form.register("name")} />
      </Field>
      <FormError error={update.error} />
      {update.isSuccess && !form.formState.isDirty ? <p role="status">Saved.</p> : null}
      <SubmitButton pending={update.isPending}>Save</SubmitButton>
    </form>
  );
}
