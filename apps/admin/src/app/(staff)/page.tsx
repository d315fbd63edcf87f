import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { Dashboard } from "./_dashboard/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" />
      <Dashboard />
    </>
  );
}
