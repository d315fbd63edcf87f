import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { UserTable } from "./user-table";

export const metadata: Metadata = { title: "Users and roles" };

export default function UsersPage() {
  return (
    <>
      <PageHeader title="Users and roles" />
      <UserTable />
    </>
  );
}
