"use client";
import { addressCreateInput } from "@shop/api/schemas";
import { applyServerErrors, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import { AddressFields } from "~/components/address-fields";
import { api } from "~/trpc/react";

/** A new address-book entry (address.create); the first one becomes the default anyway. */
export function AddressForm({ onDone }: { onDone: () => void }) {
  const utils = api.useUtils();
  const form = useZodForm(addressCreateInput, {
    defaultValues: { name: "", street: "", city: "", state: "", zipCode: "", country: "US", makeDefault: false },
  });
  const create = api.address.create.useMutation({
    onError: (error) => applyServerErrors(form, error),
    onSuccess: async () => {
      await utils.address.list.invalidate();
      onDone();
    },
  });
  return (
    <form className="stack" onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate aria-labelledby="new-address-heading">
      <h3 id="new-address-heading">New address</h3>
      <AddressFields register={(name) => form.register(name)} errors={form.formState.errors} />
      <label className="row">
        <input type="checkbox" {...form.register("makeDefault")} /> Make this my default address
      </label>
      <FormError error={create.error} />
      <div className="row">
        <SubmitButton pending={create.isPending}>Save address</SubmitButton>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
