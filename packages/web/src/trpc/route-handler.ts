import { createTRPCContext, responseMeta, type SessionSource } from "@shop/api";
import { env, logger } from "@shop/db";
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { limitBody } from "../http/body-limit";
import { refuseCrossSiteMutation } from "../http/same-origin";
import { withKeptAnswers } from "./answers";

/**
 * The Next.js route handler for `app/api/trpc/[trpc]/route.ts`: the fetch adapter,
 * with the request's Auth.js session feeding the outer tRPC context, decoded only if a
 * procedure asks for it (Context.getSession). Before any
 * procedure runs, a mutation must be JSON from the app's own origin (`appUrl`), its
 * body must fit API_BODY_LIMIT_BYTES and a batch TRPC_MAX_BATCH_SIZE calls. Anonymous
 * reads answered wholly from the shared cache are kept and reused (answers.ts).
 */
export function createTRPCRouteHandler(options: {
  router: AnyTRPCRouter;
  session: SessionSource;
  appUrl: () => string;
  /** Reuse anonymous shared answers (answers.ts); on unless a caller needs every request to reach the API. */
  keepAnswers?: boolean;
  /** Offer signed-out visitors a guest cart (the storefront): its cookie is read and set here. */
  guestCart?: boolean;
}) {
  async function handler(req: Request): Promise<Response> {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: options.router,
      req,
      // tRPC refuses a longer batch with a 400 before reading any input or running any call.
      maxBatchSize: env().TRPC_MAX_BATCH_SIZE,
      // Nothing here waits on the network: the session is decoded inside the procedures
      // that need it, where the API's error middleware maps an outage to a 503.
      createContext: ({ resHeaders }) =>
        createTRPCContext({ headers: req.headers, session: options.session, guestCart: options.guestCart ? { resHeaders } : undefined }),
      responseMeta,
      onError({ error, path, ctx }) {
        // Procedures' own failures are logged by the API's error middleware; what is left
        // to log here failed before any procedure ran (no context).
        if (!ctx && error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC request failed");
      },
    });
  }
  const limited = limitBody(() => env().API_BODY_LIMIT_BYTES, handler);
  const keep = options.keepAnswers ?? true;
  return async (req: Request): Promise<Response> =>
    refuseCrossSiteMutation(req, options.appUrl()) ?? (keep ? withKeptAnswers(req, !options.session.present(req.headers), limited) : limited(req));
}
