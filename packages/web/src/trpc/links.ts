import type { AppRouter } from "@shop/api";
import { httpBatchLink, loggerLink, type TRPCLink } from "@trpc/client";
import { transformer } from "./transformer";

/**
 * The browser's links to the app's own `/api/trpc` (batched; failures logged to the
 * console). Typed against AppRouter, whose root config (the transformer) the
 * storefront's router shares.
 */
export function apiLinks(): TRPCLink<AppRouter>[] {
  return [
    loggerLink({ enabled: (op) => op.direction === "down" && op.result instanceof Error }),
    httpBatchLink({ url: "/api/trpc", transformer, headers: { "x-trpc-source": "react" } }),
  ];
}
