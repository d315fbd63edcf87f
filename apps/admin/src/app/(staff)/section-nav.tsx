"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  ["/", "Dashboard"],
  ["/products", "Products"],
  ["/categories", "Categories"],
  ["/inventory", "Inventory"],
  ["/orders", "Orders"],
  ["/users", "Users and roles"],
  ["/reviews", "Reviews"],
  ["/settings", "Settings"],
] as const;

/** A section is current on its own path and below it (/products/abc is still Products). */
function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SectionNav() {
  const pathname = usePathname();
  return (
    <nav className="sidebar" aria-label="Sections">
      {sections.map(([href, label]) => (
        <Link key={href} href={href} aria-current={isCurrent(pathname, href) ? "page" : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
