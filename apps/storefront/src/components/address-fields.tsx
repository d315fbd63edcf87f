import { countryOptions } from "@shop/api/schemas";
import { Field } from "@shop/web/ui";
import type { UseFormRegisterReturn } from "react-hook-form";

export type AddressFieldName = "name" | "street" | "city" | "state" | "zipCode" | "country";

/**
 * The postal-address inputs of `addressInput`, for any form that holds one (checkout
 * keeps it under `address.`, the address book at the top level). The country is
 * chosen from the ISO 3166 list the API validates against.
 */
export function AddressFields(props: {
  register: (name: AddressFieldName) => UseFormRegisterReturn;
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
        <Field label="Country" error={errors?.country}>
          <select autoComplete="country" {...register("country")}>
            {countryOptions.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </div>
  );
}
