"use client";
import { useRouter } from "next/navigation";
import { AdminOnlyNotice } from "~/components/admin-only-notice";
import { api } from "~/trpc/react";
import { useViewer } from "../../viewer";
import { ProductForm } from "../product-form";
import { emptyProduct } from "../product-form-values";

export function NewProduct() {
  const { isAdmin } = useViewer();
  const router = useRouter();
  const utils = api.useUtils();
  const create = api.admin.product.create.useMutation({ onSuccess: () => utils.admin.product.list.invalidate() });
  return (
    <div className="card stack">
      {isAdmin ? null : <AdminOnlyNotice>Creating products needs the ADMIN role; your STAFF account cannot save this form.</AdminOnlyNotice>}
      <ProductForm
        values={emptyProduct}
        submitLabel="Create product"
        readOnly={!isAdmin}
        onSubmit={async (values) => {
          const product = await create.mutateAsync(values);
          router.push(`/products/${product.id}`);
        }}
      />
    </div>
  );
}
