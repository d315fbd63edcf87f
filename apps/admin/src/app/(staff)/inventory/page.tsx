import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { StockTable } from "./stock-table";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage() {
  return (
    <>
      <PageHeader title="Inventory" />
      <StockTable />
    </>
  );
}
