"use client";
import type { AppRouter } from "@shop/api";
import { createTRPCReactProvider } from "@shop/web/trpc/provider";
import { createTRPCReact } from "@trpc/react-query";

/** Typed React Query hooks for this app's router: `api.product.list.useQuery(...)`. */
export const api = createTRPCReact<AppRouter>();

export const TRPCReactProvider = createTRPCReactProvider(api);
