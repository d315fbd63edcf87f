import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { SettingsList } from "./settings-list";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <SettingsList />
    </>
  );
}
