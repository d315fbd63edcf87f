import type { RouterOutputs } from "@shop/api";
import { EmptyState } from "@shop/web/ui";
import { formatMoney } from "@shop/web/format";
import Link from "next/link";

type TopProduct = RouterOutputs["admin"]["analytics"]["summary"]["topProducts"][number];

export function TopProducts({ products }: { products: TopProduct[] }) {
  return (
    <section className="card" aria-labelledby="top-products">
      <h2 id="top-products">Top products</h2>
      {products.length ? (
        <table className="responsive-table">
          <thead>
            <tr>
              <th>Product</th>
              <th className="numeric">Units sold</th>
              <th className="numeric">Revenue</th>
            </tr>
          </thead>
          <tbody>
            {products.map((product) => (
              <tr key={product.productId ?? product.name}>
                <td data-label="Product">{product.productId ? <Link href={`/products/${product.productId}`}>{product.name}</Link> : product.name}</td>
                <td data-label="Units sold" className="numeric">{product.quantity}</td>
                <td data-label="Revenue" className="numeric">{formatMoney(product.revenue, product.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title="No products sold in this period" />
      )}
    </section>
  );
}
