"use client";
import { usePathname } from "next/navigation";
import { SearchForm } from "./search-form";

/** The header's search box; the search page has its own, so it steps aside there (one "Search" field per page). */
export function HeaderSearch() {
  return usePathname() === "/search" ? null : <SearchForm compact />;
}
