"use client";
import { reviewCreateInput } from "@shop/api/schemas";
import { applyServerErrors, Field, FormError, SubmitButton, useZodForm } from "@shop/web/ui";
import Link from "next/link";
import { signInUrl } from "~/lib/sign-in-url";
import { api } from "~/trpc/react";

/** A signed-in customer's review; it shows on the page once staff approve it. */
export function ReviewForm({ productId, signedIn, returnTo }: { productId: string; signedIn: boolean; returnTo: string }) {
  const form = useZodForm(reviewCreateInput, { defaultValues: { productId, rating: 5, title: "", body: "" } });
  const create = api.review.create.useMutation({ onError: (error) => applyServerErrors(form, error) });

  if (!signedIn) {
    return (
      <p className="muted">
        <Link href={signInUrl(returnTo)}>Sign in</Link> to write a review.
      </p>
    );
  }
  if (create.isSuccess) {
    return <p className="notice" role="status">Thank you! Your review will appear here once it has been approved.</p>;
  }

  const onSubmit = form.handleSubmit((values) =>
    create.mutate({ ...values, title: values.title || undefined, body: values.body || undefined }),
  );
  const conflict = create.error?.data?.code === "CONFLICT" ? { message: "You have already reviewed this product." } : create.error;
  return (
    <form className="stack card" onSubmit={onSubmit} noValidate aria-label="Write a review">
      <h3>Write a review</h3>
      <p className="muted">Reviews are checked by our team before they appear.</p>
      <Field label="Rating" error={form.formState.errors.rating}>
        <select {...form.register("rating", { valueAsNumber: true })}>
          {[5, 4, 3, 2, 1].map((stars) => (
            <option key={stars} value={stars}>
              {stars} {stars === 1 ? "star" : "stars"}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Title" error={form.formState.errors.title}>
        <input {...form.register("title")} maxLength={120} />
      </Field>
      <Field label="Review" error={form.formState.errors.body}>
        <textarea {...form.register("body")} maxLength={5000} />
      </Field>
      <FormError error={conflict} />
      <SubmitButton pending={create.isPending}>Submit review</SubmitButton>
    </form>
  );
}
