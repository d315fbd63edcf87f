import "server-only";
import { createStorefrontCaller, createTRPCContext, type StorefrontRouter } from "@shop/api";
import { makeQueryClient } from "@shop/web/trpc/query-client";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { headers } from "next/headers";
import { cache } from "react";
import { apiSession } from "~/auth";

/** One context and one QueryClient per request, shared by every server component in it. */
// The guest cart is read here but never made: server components cannot set its cookie.
const createContext = cache(async () => createTRPCContext({ headers: new Headers(await headers()), session: apiSession, guestCart: {} }));
const getQueryClient = cache(makeQueryClient);

/**
 * Server components call the API directly (`await api.product.bySlug(...)`) or
 * prefetch (`void api.product.bySlug.prefetch(...)`) and wrap the client part in
 * <HydrateClient> so its hooks start with the data.
 */
export const { trpc: api, HydrateClient } = createHydrationHelpers<StorefrontRouter>(createStorefrontCaller(createContext), getQueryClient);
