"use client";
import { productStatus } from "@shop/api/schemas";
import { formatMoney } from "@shop/web/format";
import { QueryView } from "@shop/web/ui";
import Link from "next/link";
import { useState } from "react";
import type { z } from "zod";
import { Pager, useCursorPager } from "~/components/cursor-pager";
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
        <label className="field">
          <span className="field-label">Status</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as ProductStatus | "")}>
            <option value="">All statuses</option>
            {productStatus.options.map((option) => (
              <option key={option} value={option}>
                {option.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={products} isEmpty={(page) => !page.items.length} empty={q || status ? "No products match" : "No products yet"} loading="Loading products…">
        {(page) => (
          <>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>Product</th>
                    <th>Category</th>
                    <th>Status</th>
                    <th className="numeric">Price</th>
                    <th className="numeric">In stock</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((product) => (
                    <tr key={product.id}>
                      <td>
                        <Link href={`/products/${product.id}`}>{product.name}</Link>
                        <div className="muted">{product.slug}</div>
                      </td>
                      <td>{product.category.name}</td>
                      <td>
                        <StatusBadge status={product.status} />
                      </td>
                      <td className="numeric">{formatMoney(product.price, product.currency)}</td>
                      <td className="numeric">{product.quantity}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pager={pager} nextCursor={page.nextCursor} />
          </>
        )}
      </QueryView>
    </>
  );
}
