import { Field } from "@shop/web/ui";
import type { UseFormRegisterReturn } from "react-hook-form";

export type AddressFieldName = "name" | "street" | "city" | "state" | "zipCode" | "country";

/**
 * The postal-address inputs of `addressInput`, for any form that holds one (checkout
 * keeps it under `address.`, the address book at the top level).
 */
export function AddressFields(props: {
  register: (name: AddressFieldName, options?: { setValueAs: (value: string) => string }) => UseFormRegisterReturn;
  errors?: Partial<Record<AddressFieldName, { message?: string }>>;
}) {
  const { register, errors } = props;
  return (
    <div className="stack">
      <Field label="Full name" error={errors?.name}>
        <input autoComplete="name" {...register("name")} />
      </Field>
      <Field label="Street" error={errors?.street}>
        <input autoComplete="street-address" {...register("street")} />
      </Field>
      <div className="form-row">
        <Field label="City" error={errors?.city}>
          <input autoComplete="address-level2" {...register("city")} />
        </Field>
        <Field label="State" error={errors?.state}>
          <input autoComplete="address-level1" {...register("state")} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="ZIP code" error={errors?.zipCode}>
          <input autoComplete="postal-code" {...register("zipCode")} />
        </Field>
        <Field label="Country" error={errors?.country} hint="2-letter code, e.g. US">
          {/* The API wants an upper-case ISO code; accept "us" as typed. */}
          <input autoComplete="country" maxLength={2} className="input-country" {...register("country", { setValueAs: (value: string) => value.trim().toUpperCase() })} />
        </Field>
      </div>
    </div>
  );
}
