"use client";
import type { RouterOutputs } from "@shop/api";
import { slugFromName } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, QueryView, SubmitButton, useZodForm } from "@shop/web/ui";
import { useState } from "react";
import { api } from "~/trpc/react";
import { Controller } from "react-hook-form";
import { CategoryOptions } from "./category-options";
import { ImageUploader } from "./image-uploader";
import { productFormSchema, type ProductFormInput, type ProductFormOutput } from "./product-form-schema";

interface ProductFormProps {
  values: ProductFormInput;
  submitLabel: string;
  readOnly: boolean;
  onSubmit: (values: ProductFormOutput) => Promise<unknown>;
}

/** The category select needs its options before the form can show the product's own. */
export function ProductForm(props: ProductFormProps) {
  const categories = api.admin.category.list.useQuery();
  return (
    <QueryView query={categories} loading="Loading categories…">
      {(list) => <ProductFormFields {...props} categories={list} />}
    </QueryView>
  );
}

/**
 * Create and edit share these fields. `onSubmit` throws the API's error, which lands
 * on the fields it names, or above the button.
 */
function ProductFormFields(props: ProductFormProps & { categories: RouterOutputs["admin"]["category"]["list"] }) {
  // `values` (not defaultValues) so a refetch, after Archive say, shows the stored product.
  const form = useZodForm(productFormSchema, { values: props.values });
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = form.formState.errors;
  // A new product's slug follows its name until someone edits the slug itself.
  const [slugEdited, setSlugEdited] = useState(props.values.slug !== "");

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    try {
      await props.onSubmit(values);
      form.reset(form.getValues());
      setSaved(true);
    } catch (error) {
      applyServerErrors(form, error);
      setFailure(error);
    }
  });

  return (
    <form className="stack admin-form" onSubmit={submit} noValidate aria-label="Product">
      <fieldset className="stack" disabled={props.readOnly}>
        <Field label="Name" error={errors.name}>
          <input
            {...form.register("name", {
              onChange: (event: { target: { value: string } }) => {
                if (!slugEdited) form.setValue("slug", slugFromName(event.target.value), { shouldDirty: true });
              },
            })}
          />
        </Field>
        <Field label="Slug" error={errors.slug} hint="The storefront address, filled in from the name until you edit it.">
          <input {...form.register("slug", { onChange: () => setSlugEdited(true) })} />
        </Field>
        <Field label="Description" error={errors.description}>
          <textarea {...form.register("description")} />
        </Field>
        <div className="field-row">
          <Field label="Price" error={errors.price}>
            <input inputMode="decimal" className="input-narrow" {...form.register("price")} />
          </Field>
          <Field label="Compare-at price" error={errors.compareAtPrice} hint="Optional: the price before a sale.">
            <input inputMode="decimal" className="input-narrow" {...form.register("compareAtPrice")} />
          </Field>
        </div>
        <Field label="Category" error={errors.categoryId}>
          <select {...form.register("categoryId")}>
            <CategoryOptions categories={props.categories} />
          </select>
        </Field>
        <Field label="Status" error={errors.status}>
          <select {...form.register("status")}>
            <option value="DRAFT">Draft (hidden from the shop)</option>
            <option value="ACTIVE">Active</option>
            <option value="ARCHIVED">Archived</option>
          </select>
        </Field>
        <Controller
          control={form.control}
          name="images"
          render={({ field }) => (
            <ImageUploader value={field.value ?? []} onChange={field.onChange} disabled={props.readOnly} error={errors.images?.message ?? errors.images?.find?.((item) => item)?.message} />
          )}
        />
      </fieldset>
      <FormError error={failure} />
      {saved && !form.formState.isDirty ? (
        <p className="status-ok" role="status">
          Product saved
        </p>
      ) : null}
      {props.readOnly ? null : <SubmitButton pending={form.formState.isSubmitting}>{props.submitLabel}</SubmitButton>}
    </form>
  );
}
