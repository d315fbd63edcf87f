import { createTRPCContext, responseMeta, toTRPCError, type Session } from "@shop/api";
import { env, logger } from "@shop/db";
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { limitBody } from "../http/body-limit";
import { refuseCrossSiteMutation } from "../http/same-origin";

/**
 * The Next.js route handler for `app/api/trpc/[trpc]/route.ts`: the fetch adapter,
 * with the request's Auth.js session feeding the outer tRPC context. Before any
 * procedure runs, a mutation must be JSON from the app's own origin (`appUrl`), its
 * body must fit API_BODY_LIMIT_BYTES and a batch TRPC_MAX_BATCH_SIZE calls.
 */
export function createTRPCRouteHandler(options: { router: AnyTRPCRouter; session: () => Promise<Session>; appUrl: () => string }) {
  async function handler(req: Request): Promise<Response> {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: options.router,
      req,
      // tRPC refuses a longer batch with a 400 before reading any input or running any call.
      maxBatchSize: env().TRPC_MAX_BATCH_SIZE,
      createContext: async () => {
        try {
          return createTRPCContext({ headers: req.headers, session: await options.session() });
        } catch (error) {
          // Before any procedure runs (the session, the database): an outage is a 503 here too.
          throw toTRPCError(error) ?? error;
        }
      },
      responseMeta,
      onError({ error, path, ctx }) {
        // Procedures' own failures are logged by the API's error middleware; what is left
        // to log here failed before any procedure ran (no context: the session or database).
        if (!ctx && error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC request failed");
      },
    });
  }
  const limited = limitBody(() => env().API_BODY_LIMIT_BYTES, handler);
  return async (req: Request): Promise<Response> => refuseCrossSiteMutation(req, options.appUrl()) ?? limited(req);
}
