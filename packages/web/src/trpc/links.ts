import type { AppRouter } from "@shop/api";
import { httpBatchLink, loggerLink, type TRPCLink } from "@trpc/client";
import { transformer } from "./transformer";

/** The most calls the browser puts in one batch; the server's TRPC_MAX_BATCH_SIZE may not be lower. */
export const BROWSER_BATCH_SIZE = 10;

/**
 * The browser's links to the app's own `/api/trpc` (batched; failures logged to the
 * console). Typed against AppRouter, whose root config (the transformer) the
 * storefront's router shares.
 */
export function apiLinks(): TRPCLink<AppRouter>[] {
  return [
    loggerLink({ enabled: (op) => op.direction === "down" && op.result instanceof Error }),
    httpBatchLink({ url: "/api/trpc", transformer, maxItems: BROWSER_BATCH_SIZE, headers: { "x-trpc-source": "react" } }),
  ];
}
