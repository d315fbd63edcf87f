"use client";
import { productStatus } from "@shop/api/schemas";
import { formatMoney } from "@shop/web/format";
import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import { useCursorPager } from "~/components/cursor-pager";
import { EnumSelect } from "~/components/enum-select";
import { PagedTable } from "~/components/paged-table";
import { SearchBox } from "~/components/search-box";
import { StatusBadge } from "~/components/status-badge";
import { api } from "~/trpc/react";

type ProductStatus = z.infer<typeof productStatus>;

export function ProductTable() {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<ProductStatus | "">("");
  const pager = useCursorPager(`${q}|${status}`);
  const products = api.admin.product.list.useQuery({ q: q || undefined, status: status || undefined, cursor: pager.cursor, limit: 20 });

  return (
    <>
      <div className="toolbar">
        <SearchBox label="Search products" placeholder="Name, SKU or slug" onSearch={setQ} />
        <EnumSelect label="Status" allLabel="All statuses" options={productStatus.options} value={status} onChange={setStatus} />
      </div>
      <PagedTable
        query={products}
        pager={pager}
        empty={q || status ? "No products match" : "No products yet"}
        loading="Loading products…"
        head={
          <>
            <th>Product</th>
            <th>Category</th>
            <th>Status</th>
            <th className="numeric">Price</th>
            <th className="numeric">In stock</th>
          </>
        }
        row={(product) => (
          <tr key={product.id}>
            <td data-label="Product">
              <Link href={`/products/${product.id}`}>{product.name}</Link>
              <div className="muted">{product.slug}</div>
            </td>
            <td data-label="Category">{product.category.name}</td>
            <td data-label="Status">
              <StatusBadge status={product.status} />
            </td>
            <td data-label="Price" className="numeric">{formatMoney(product.price, product.currency)}</td>
            <td data-label="In stock" className="numeric">{product.quantity}</td>
          </tr>
        )}
      />
    </>
  );
}
