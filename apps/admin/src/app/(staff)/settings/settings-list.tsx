"use client";
import { settingKeys } from "@shop/api/schemas";
import { QueryView } from "@shop/web/ui";
import { AdminOnlyNotice } from "~/components/admin-only-notice";
import { api } from "~/trpc/react";
import { useViewer } from "../viewer";
import { SettingForm } from "./setting-form";

export function SettingsList() {
  const { isAdmin } = useViewer();
  // Settings are ADMIN-only: STAFF get the explanation instead of a FORBIDDEN.
  const settings = api.admin.settings.list.useQuery(undefined, { enabled: isAdmin });
  if (!isAdmin) return <AdminOnlyNotice>Shop settings are managed by ADMIN accounts; your STAFF account cannot view or change them.</AdminOnlyNotice>;

  return (
    <div className="stack">
      <p className="muted">Each setting is checked as the API checks it. Reset puts one back to its built-in default.</p>
      <QueryView query={settings} loading="Loading settings…">
        {(data) => (
          <div className="stack">
            {settingKeys.map((key) => (
              <SettingForm key={key} settingKey={key} settings={data} />
            ))}
          </div>
        )}
      </QueryView>
    </div>
  );
}
