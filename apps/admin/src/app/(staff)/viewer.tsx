"use client";
import type { ReactNode } from "react";
import { createContext, useContext } from "react";

interface Viewer {
  id: string;
  email: string;
  isAdmin: boolean;
}

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in staff member, as the gate read them from the database for this page. */
export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer needs the staff layout's ViewerProvider");
  return viewer;
}
