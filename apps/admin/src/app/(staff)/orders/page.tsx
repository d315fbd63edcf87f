import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { OrderTable } from "./order-table";

export const metadata: Metadata = { title: "Orders" };

export default function OrdersPage() {
  return (
    <>
      <PageHeader title="Orders" />
      <OrderTable />
    </>
  );
}
