"use client";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { CreateTRPCReactBase } from "@trpc/react-query";
import type { AnyTRPCRouter } from "@trpc/server";
import { useState, type ReactNode } from "react";
import { apiLinks } from "./links";
import { makeQueryClient } from "./query-client";

let browserQueryClient: QueryClient | undefined;
function getQueryClient(): QueryClient {
  // On the server every render gets its own client; in the browser one lives for the tab.
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

/** The provider an app wraps its pages in, for its own typed hooks (`createTRPCReact<Router>()`). */
export function createTRPCReactProvider<TRouter extends AnyTRPCRouter>(api: CreateTRPCReactBase<TRouter, unknown>) {
  return function TRPCReactProvider({ children }: { children: ReactNode }) {
    const queryClient = getQueryClient();
    // The links are typed for AppRouter; every app's router shares its root config.
    const [trpcClient] = useState(() => api.createClient({ links: apiLinks() as never }));
    return (
      <api.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </api.Provider>
    );
  };
}
