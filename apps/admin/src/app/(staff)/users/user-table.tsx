"use client";
import { role } from "@shop/api/schemas";
import { formatDate } from "@shop/web/format";
import { useState } from "react";
import type { z } from "zod";
import { AdminOnlyNotice } from "~/components/admin-only-notice";
import { useCursorPager } from "~/components/cursor-pager";
import { EnumSelect } from "~/components/enum-select";
import { PagedTable } from "~/components/paged-table";
import { SearchBox } from "~/components/search-box";
import { api } from "~/trpc/react";
import { useViewer } from "../viewer";
import { RoleEditor } from "./role-editor";

type Role = z.infer<typeof role>;

export function UserTable() {
  const { isAdmin } = useViewer();
  const [q, setQ] = useState("");
  const [roleFilter, setRoleFilter] = useState<Role | "">("");
  const pager = useCursorPager(`${q}|${roleFilter}`);
  // The list itself is ADMIN-only: STAFF get the explanation instead of a FORBIDDEN.
  const users = api.admin.user.list.useQuery({ q: q || undefined, role: roleFilter || undefined, cursor: pager.cursor, limit: 20 }, { enabled: isAdmin });

  if (!isAdmin) return <AdminOnlyNotice>Users and roles are managed by ADMIN accounts; your STAFF account cannot view or change them.</AdminOnlyNotice>;
  return (
    <>
      <div className="toolbar">
        <SearchBox label="Search users" placeholder="E-mail or name" onSearch={setQ} />
        <EnumSelect label="Role" allLabel="All roles" options={role.options} value={roleFilter} onChange={setRoleFilter} />
      </div>
      <PagedTable
        query={users}
        pager={pager}
        empty={q || roleFilter ? "No users match" : "No users yet"}
        loading="Loading users…"
        head={
          <>
            <th>User</th>
            <th>Joined</th>
            <th className="numeric">Orders</th>
            <th>Roles</th>
          </>
        }
        row={(user) => (
          <tr key={user.id}>
            <td data-label="User">
              {user.email}
              {user.name ? <div className="muted">{user.name}</div> : null}
              {user.emailVerified ? null : <div className="muted">E-mail not confirmed</div>}
            </td>
            <td data-label="Joined">{formatDate(user.createdAt)}</td>
            <td data-label="Orders" className="numeric">{user._count.orders}</td>
            <td data-label="Roles">
              <RoleEditor user={user} />
            </td>
          </tr>
        )}
      />
    </>
  );
}
