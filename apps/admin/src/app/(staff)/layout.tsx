import { isStaff } from "@shop/api";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { auth } from "~/auth";
import { api } from "~/trpc/server";
import { SignOutButton } from "../sign-out-button";
import { SectionNav } from "./section-nav";
import { ViewerProvider } from "./viewer";

/**
 * Every staff page sits behind this gate. The roles come from the database, not the
 * session token, so a demoted account is refused on its next page load.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const me = await api.user.me();
  const roles = me.roles.map((entry) => entry.role);
  if (!isStaff(roles)) {
    return (
      <main className="page">
        <div className="card stack" style={{ maxWidth: 560, margin: "3rem auto" }}>
          <h1>Not allowed</h1>
          <p className="notice notice-danger" role="alert">
            The admin app is for shop staff only. {me.email} does not have the ADMIN or STAFF role.
          </p>
          <SignOutButton />
        </div>
      </main>
    );
  }
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            Shop admin
          </Link>
          <span className="nav-spacer" />
          <span className="muted">
            {me.email} · {roles.join(", ")}
          </span>
          <SignOutButton />
        </div>
      </header>
      <div className="page layout-sidebar">
        <SectionNav />
        <main>
          <ViewerProvider viewer={{ id: me.id, email: me.email, isAdmin: roles.includes("ADMIN") }}>{children}</ViewerProvider>
        </main>
      </div>
    </>
  );
}
