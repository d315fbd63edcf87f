"use client";
import { EmptyState, QueryView } from "@shop/web/ui";
import Link from "next/link";
import { AdminOnlyNotice } from "~/components/admin-only-notice";
import { PageHeader } from "~/components/page-header";
import { StatusBadge } from "~/components/status-badge";
import { api } from "~/trpc/react";
import { useViewer } from "../../viewer";
import { ProductForm } from "../product-form";
import { productFormValues } from "../product-form-values";
import { AddVariantForm } from "./add-variant-form";
import { ArchiveButton } from "./archive-button";
import { VariantMatrixForm } from "./variant-matrix-form";
import { VariantTable } from "./variant-table";

export function ProductEditor({ id }: { id: string }) {
  const { isAdmin } = useViewer();
  const utils = api.useUtils();
  const product = api.admin.product.byId.useQuery({ id });
  const update = api.admin.product.update.useMutation({ onSuccess: () => utils.admin.product.invalidate() });

  if (product.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState title="There is no product with this id">
        <Link href="/products">Back to products</Link>
      </EmptyState>
    );
  }
  return (
    <QueryView query={product} loading="Loading product…">
      {(data) => (
        <div className="stack">
          <PageHeader title={data.name}>
            <StatusBadge status={data.status} />
            <Link href="/products">Back to products</Link>
          </PageHeader>
          {isAdmin ? null : <AdminOnlyNotice>Editing products and variants needs the ADMIN role; your STAFF account can view them but not change them.</AdminOnlyNotice>}
          <section className="card stack" aria-labelledby="product-details">
            <h2 id="product-details">Details</h2>
            <ProductForm
              values={productFormValues(data)}
              submitLabel="Save product"
              readOnly={!isAdmin}
              onSubmit={(values) => update.mutateAsync({ id, ...values })}
            />
            {isAdmin ? <ArchiveButton productId={id} name={data.name} archived={data.status === "ARCHIVED"} /> : null}
          </section>
          <section className="card stack" aria-labelledby="variants">
            <h2 id="variants">Variants</h2>
            <VariantTable productId={id} variants={data.variants} readOnly={!isAdmin} />
            {isAdmin ? <VariantMatrixForm productId={id} slug={data.slug} price={data.price.toFixed(2)} /> : null}
            {isAdmin ? <AddVariantForm productId={id} nextPosition={data.variants.length} /> : null}
          </section>
        </div>
      )}
    </QueryView>
  );
}
