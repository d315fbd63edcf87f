import { initTRPC, TRPCError } from "@trpc/server";
import { logger, type Role } from "@shop/db";
import type { Context } from "./context";
import { toTRPCError } from "./lib/errors";
import { currentRoles, staffRoles } from "./lib/roles";
import { transformer } from "./transformer";

interface FieldIssues {
  issues: { path: PropertyKey[]; message: string }[];
}
const hasIssues = (cause: unknown): cause is FieldIssues =>
  typeof cause === "object" && cause !== null && Array.isArray((cause as FieldIssues).issues);

/** Zod issues as { fieldErrors: { "address.zipCode": ["Required"] }, formErrors: [] }. */
function flattenIssues({ issues }: FieldIssues) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (path) (fieldErrors[path] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { fieldErrors, formErrors };
}

/** Who may call a procedure, as docs/api-reference.md states it (`pnpm docs:api` reads it from here). */
export type Access = "public" | "customer" | "customer-or-guest" | "staff" | "admin";
export interface ProcedureMeta {
  /** Set where the middleware that enforces it is added, so a procedure inherits it from its base. */
  access?: Access;
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const issues = error.code === "BAD_REQUEST" && hasIssues(error.cause) ? error.cause.issues : null;
    return {
      ...shape,
      // Never leak internals (SQL, stack traces) to clients; for bad input, the issues'
      // own messages (zod's error message is its issue list as JSON).
      message: internal ? "Internal server error" : issues ? issues.map((issue) => issue.message).join("; ") : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: issues ? flattenIssues({ issues }) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Maps database errors to tRPC codes and logs what is left as a real failure. */
const errorMapping = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const mapped = result.error.code === "INTERNAL_SERVER_ERROR" && cause ? toTRPCError(cause) : null;
    if (mapped) throw mapped;
    if (result.error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: result.error, path, type }, "procedure failed");
  }
  return result;
});

/** Resolves the request's session (once per request, see Context.getSession) and requires one. */
const isAuthed = t.middleware(async ({ ctx, next }) => {
  const session = await ctx.getSession();
  if (!session?.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, session } });
});

/**
 * Sessions are JWTs and cannot be revoked, so the role in the token is not
 * trusted: the user's roles are re-read from the database on every call.
 */
function hasRole(allowed: readonly Role[], message: string) {
  return isAuthed.unstable_pipe(async function hasRole({ ctx, next }) {
    const roles = await currentRoles(ctx, ctx.session.user.id);
    if (!roles.some((role) => allowed.includes(role))) throw new TRPCError({ code: "FORBIDDEN", message });
    return next({ ctx: { ...ctx, roles } });
  });
}

export const publicProcedure = t.procedure.use(errorMapping).meta({ access: "public" });
export const protectedProcedure = publicProcedure.use(isAuthed).meta({ access: "customer" });
/** Shop staff: day-to-day operations (orders, stock, reviews, reports). ADMIN includes STAFF. */
export const staffProcedure = publicProcedure.use(hasRole(staffRoles, "Staff only")).meta({ access: "staff" });
/** Catalog, people, roles and settings: ADMIN only. */
export const adminProcedure = publicProcedure.use(hasRole(["ADMIN"], "Admins only")).meta({ access: "admin" });
