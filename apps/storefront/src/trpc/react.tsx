"use client";
import type { StorefrontRouter } from "@shop/api";
import { makeQueryClient } from "@shop/web/trpc/query-client";
import { apiLinks } from "@shop/web/trpc/links";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCReact } from "@trpc/react-query";
import { useState, type ReactNode } from "react";

/** Typed React Query hooks for this app's router: `api.product.list.useQuery(...)`. */
export const api = createTRPCReact<StorefrontRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient(): QueryClient {
  // On the server every render gets its own client; in the browser one lives for the tab.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() => api.createClient({ links: apiLinks() }));
  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
