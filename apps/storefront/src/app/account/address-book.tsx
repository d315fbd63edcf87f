"use client";
import { FormError, QueryView } from "@shop/web/ui";
import { useState } from "react";
import { addressLine } from "~/lib/address-line";
import { api } from "~/trpc/react";
import { AddressForm } from "./address-form";

/** Saved addresses: the default first in mind, set another as default, delete, add. */
export function AddressBook() {
  const utils = api.useUtils();
  const addresses = api.address.list.useQuery();
  const [adding, setAdding] = useState(false);
  const refresh = { onSuccess: () => utils.address.list.invalidate() };
  const setDefault = api.address.setDefault.useMutation(refresh);
  const remove = api.address.delete.useMutation(refresh);

  return (
    <div className="stack">
      <QueryView query={addresses} isEmpty={(list) => !list.length} empty="No saved addresses yet">
        {(list) => (
          <ul className="plain-list stack">
            {list.map((address) => {
              // Buttons are described by the address rather than named after it, so "Street" etc. label only form fields.
              const lineId = `address-${address.id}`;
              return (
                <li key={address.id} className="row row-between address-item">
                  <span id={lineId}>
                    {addressLine(address)} {address.defaultForUserId ? <span className="badge badge-ok">Default</span> : null}
                  </span>
                  <span className="row">
                    {address.defaultForUserId ? null : (
                      <button type="button" className="button" onClick={() => setDefault.mutate({ id: address.id })} disabled={setDefault.isPending} aria-describedby={lineId}>
                        Make default
                      </button>
                    )}
                    <button type="button" className="button button-danger" onClick={() => remove.mutate({ id: address.id })} disabled={remove.isPending} aria-describedby={lineId}>
                      Delete
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
      <FormError error={setDefault.error ?? remove.error} />
      {adding ? (
        <AddressForm onDone={() => setAdding(false)} />
      ) : (
        <div>
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add an address
          </button>
        </div>
      )}
    </div>
  );
}
