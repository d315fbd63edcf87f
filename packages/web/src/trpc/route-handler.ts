import { createTRPCContext, type Session } from "@shop/api";
import { logger } from "@shop/db";
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

/**
 * The Next.js route handler for `app/api/trpc/[trpc]/route.ts`: the fetch adapter,
 * with the request's Auth.js session feeding the outer tRPC context.
 */
export function createTRPCRouteHandler(options: { router: AnyTRPCRouter; session: () => Promise<Session> }) {
  return async function handler(req: Request): Promise<Response> {
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      router: options.router,
      req,
      createContext: async () => createTRPCContext({ headers: req.headers, session: await options.session() }),
      responseMeta({ errors }) {
        // Any refusal that knows when to come back (a limiter's TooManyAttempts, an outage) says so.
        const waits = errors.map((error) => (error.cause as { retryAfterMs?: unknown } | undefined)?.retryAfterMs).filter((ms) => typeof ms === "number");
        return waits.length ? { headers: new Headers({ "retry-after": String(Math.ceil(Math.max(...waits) / 1000)) }) } : {};
      },
      onError({ error, path, ctx }) {
        // Procedures' own failures are logged by the API's error middleware; what is left
        // to log here failed before any procedure ran (no context: the session or database).
        if (!ctx && error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "tRPC request failed");
      },
    });
  };
}
