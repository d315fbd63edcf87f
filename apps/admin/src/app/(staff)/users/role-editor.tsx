"use client";
import type { RouterOutputs } from "@shop/api";
import { role, setRolesInput } from "@shop/api/schemas";
import { FormError, useZodForm } from "@shop/web/ui";
import { useState } from "react";
import { api } from "~/trpc/react";
import { useViewer } from "../viewer";

type User = RouterOutputs["admin"]["user"]["list"]["items"][number];

/** A user's roles as checkboxes; saving replaces them all (the API refuses dropping your own ADMIN). */
export function RoleEditor({ user }: { user: User }) {
  const viewer = useViewer();
  const utils = api.useUtils();
  const setRoles = api.admin.user.setRoles.useMutation({ onSuccess: () => utils.admin.user.list.invalidate() });
  const [saved, setSaved] = useState(false);
  const form = useZodForm(setRolesInput, { values: { userId: user.id, roles: user.roles.map((entry) => entry.role) } });

  const save = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      await setRoles.mutateAsync(values);
      setSaved(true);
    } catch {
      // setRoles.error shows the reason below the checkboxes.
    }
  });

  return (
    <form onSubmit={save} noValidate className="stack">
      <fieldset className="row">
        <legend className="visually-hidden">Roles for {user.email}</legend>
        {role.options.map((option) => (
          <label key={option} className="checkbox">
            <input type="checkbox" value={option} {...form.register("roles")} />
            {option}
          </label>
        ))}
        <button type="submit" className="button" aria-label={`Save roles for ${user.email}`} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save"}
        </button>
      </fieldset>
      {user.id === viewer.id ? <span className="muted">This is you: you cannot remove your own ADMIN role.</span> : null}
      {saved && !form.formState.isDirty ? (
        <span className="status-ok" role="status">
          Roles saved
        </span>
      ) : null}
      <FormError error={setRoles.error} />
    </form>
  );
}
