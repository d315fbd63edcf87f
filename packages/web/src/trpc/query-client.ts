import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { transformer } from "./transformer";

/**
 * One QueryClient recipe for the browser and for server prefetching. Prefetched
 * queries are dehydrated with the API's superjson transformer (Decimal, Date) so
 * hydrated data has the same types as fetched data.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered data is fresh for a moment, so hydration doesn't refetch at once.
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !isClientError(error) },
      dehydrate: {
        // Arrow functions: the SuperJSON instance's methods need their `this`.
        serializeData: (data) => transformer.serialize(data),
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: (data) => transformer.deserialize(data) },
    },
  });
}

/** A 4xx answer will not change on retry, except 429: the server shed the request under load. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500 && status !== 429;
}
