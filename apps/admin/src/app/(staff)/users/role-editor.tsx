"use client";
import type { RouterOutputs } from "@shop/api";
import { role, setRolesInput } from "@shop/api/schemas";
import { FormError, useZodForm } from "@shop/web/ui";
import { useState } from "react";
import { useConfirm } from "~/components/confirm-dialog";
import { api } from "~/trpc/react";
import { useViewer } from "../viewer";

type User = RouterOutputs["admin"]["user"]["list"]["items"][number];

/**
 * A user's roles as checkboxes; saving replaces them all (the API refuses dropping your
 * own ADMIN). Taking a role away asks first: it ends what that person can do at once.
 */
export function RoleEditor({ user }: { user: User }) {
  const viewer = useViewer();
  const utils = api.useUtils();
  const setRoles = api.admin.user.setRoles.useMutation({ onSuccess: () => utils.admin.user.list.invalidate() });
  const [saved, setSaved] = useState(false);
  const { confirm, dialog } = useConfirm();
  const form = useZodForm(setRolesInput, { values: { userId: user.id, roles: user.roles.map((entry) => entry.role) } });

  const save = form.handleSubmit(async (values) => {
    setSaved(false);
    const removed = user.roles.map((entry) => entry.role).filter((held) => !values.roles.includes(held));
    if (removed.length) {
      const go = await confirm({
        title: `Remove ${removed.join(" and ")} from ${user.email}?`,
        message: "They lose what the role allows on their next request. You can give it back later.",
        confirmLabel: removed.length === 1 ? "Remove role" : "Remove roles",
        cancelLabel: "Keep roles",
      });
      if (!go) {
        form.reset();
        return;
      }
    }
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
      {dialog}
    </form>
  );
}
