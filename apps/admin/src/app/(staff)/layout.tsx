import { isStaff } from "@shop/api";
import Link from "next/link";
import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { auth } from "~/auth";
import { api } from "~/trpc/server";
import { SignOutButton } from "../sign-out-button";
import { SectionNav } from "./section-nav";
import { ViewerProvider } from "./viewer";

/**
 * Every staff page sits behind this gate. The roles come from the database, not the
 * session token, so a demoted account is refused on its next page load. It decides
 * before anything streams (the loading boundary is inside, in (staff)/loading.tsx), so
 * a visitor who is not signed in gets a real redirect and a customer a real 403.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const me = await api.user.me();
  const roles = me.roles.map((entry) => entry.role);
  if (!isStaff(roles)) forbidden();
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
