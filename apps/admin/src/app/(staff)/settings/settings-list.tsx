"use client";
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
      <p className="muted">Deleting a setting the shop reads puts it back to its built-in default.</p>
      <QueryView query={settings} isEmpty={(data) => !Object.keys(data).length} empty="No settings yet" loading="Loading settings…">
        {(data) => (
          <div className="stack">
            {Object.entries(data)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, value]) => (
                <SettingForm key={key} setting={{ key, value }} />
              ))}
          </div>
        )}
      </QueryView>
      <h2>Add a setting</h2>
      <SettingForm />
    </div>
  );
}
