"use client";
import type { StorefrontRouter } from "@shop/api";
import { createTRPCReactProvider } from "@shop/web/trpc/provider";
import { createTRPCReact } from "@trpc/react-query";

/** Typed React Query hooks for this app's router: `api.product.list.useQuery(...)`. */
export const api = createTRPCReact<StorefrontRouter>();

export const TRPCReactProvider = createTRPCReactProvider(api);
