import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { isDatabaseUnavailable, isPoolBusy, Prisma } from "@shop/db";
import type { Context } from "../context";

// Check constraints whose violation means "not enough stock", not "bad input".
const stockConstraints = ["Inventory_on_hand_non_negative", "Inventory_reserved_within_on_hand"];

/** True when the database refused a stock movement that would oversell. */
export function isStockShortage(error: unknown): boolean {
  const constraint = /violates check constraint "([^"]+)"/.exec(error instanceof Error ? error.message : "")?.[1];
  return constraint !== undefined && stockConstraints.includes(constraint);
}

interface RawFailure {
  kind?: string;
  constraint?: { fields?: string[] };
}
const rawFailure = (error: Prisma.PrismaClientKnownRequestError) =>
  (error.meta?.driverAdapterError as { cause?: RawFailure } | undefined)?.cause;
// What a raw statement's failure (P2010) would have been as a model query.
const rawFailureCodes: Record<string, string> = { UniqueConstraintViolation: "P2002", ForeignKeyConstraintViolation: "P2003", LengthMismatch: "P2000" };
const prismaCode = (error: Prisma.PrismaClientKnownRequestError) =>
  error.code === "P2010" ? (rawFailureCodes[rawFailure(error)?.kind ?? ""] ?? error.code) : error.code;

/**
 * Turns a database error into the tRPC error a client should see: one place, so
 * handlers can let Prisma throw. Anything unrecognised is left for the 500 path.
 */
export function toTRPCError(error: unknown, depth = 0): TRPCError | null {
  if (error instanceof TRPCError) return error;
  // A wrapper (the read cache wraps its factory's failure) is judged by what it wraps.
  const wrapped = error instanceof Error && error.cause !== undefined && depth < 5 ? toTRPCError(error.cause, depth + 1) : null;
  if (wrapped) return wrapped;
  // Shed load as 429, not 503: this instance is saturated but healthy, and a load
  // balancer may count 5xx against it (and its retries would add to the burst).
  if (isPoolBusy(error)) return new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Busy right now: try again in a moment", cause: error });
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable: try again shortly", cause: error });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (prismaCode(error)) {
      case "P2002": {
        const target = (error.meta?.target as string[] | string | undefined) ?? rawFailure(error)?.constraint?.fields ?? "value";
        const fields = Array.isArray(target) ? target.join(", ") : target;
        return new TRPCError({ code: "CONFLICT", message: `Already exists: ${fields} must be unique`, cause: error });
      }
      case "P2025":
      case "P2001":
        return new TRPCError({ code: "NOT_FOUND", message: "Not found", cause: error });
      case "P2003":
        return new TRPCError({ code: "BAD_REQUEST", message: "Refers to something that does not exist", cause: error });
      case "P2000":
        return new TRPCError({ code: "BAD_REQUEST", message: "A value is too long", cause: error });
    }
  }
  const message = error instanceof Error ? error.message : "";
  // PostgreSQL text cannot hold NUL bytes: a client sent text no column can store.
  if (/invalid byte sequence for encoding|unsupported Unicode escape sequence/.test(message)) {
    return new TRPCError({ code: "BAD_REQUEST", message: "Text contains characters that cannot be stored", cause: error });
  }
  if (isStockShortage(error)) return new TRPCError({ code: "CONFLICT", message: "Not enough stock", cause: error });
  const check = /violates check constraint "([^"]+)"/.exec(message);
  if (check) {
    return new TRPCError({ code: "BAD_REQUEST", message: `Rejected by the database rule ${check[1] ?? ""}`, cause: error });
  }
  if (/would become its own ancestor/.test(message)) return badInput(["parentId"], "a category cannot move under itself or one of its subcategories");
  if (/maintained from the InventoryTransaction ledger|append-only ledger|derived from Inventory|still holds|reservation only moves|cannot be PAID without|can only start for an order awaiting payment|exceed what it captured/.test(message)) {
    return new TRPCError({ code: "CONFLICT", message: message.split("\n")[0] ?? "Conflict", cause: error });
  }
  return null;
}

// Seconds to wait before retrying: a shed request may retry almost at once; an
// outage (PostgreSQL restarting or failing over) takes a few seconds.
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
const retryAfterByCode: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = { TOO_MANY_REQUESTS: 1, SERVICE_UNAVAILABLE: OUTAGE_RETRY_AFTER_SECONDS };

/** A Retry-After header when any error of the response means "try again later", so clients and proxies know when. */
export function retryAfterMeta({ errors }: { errors: TRPCError[] }): { headers?: Headers } {
  const seconds = Math.max(0, ...errors.map(retryAfterSeconds));
  return seconds > 0 ? { headers: new Headers({ "Retry-After": String(seconds) }) } : {};
}

/**
 * What a shared cache (a CDN) may do with an anonymous read answered wholly from the
 * shared read cache: the same answer for everyone, so cacheable for 1 s and served
 * stale for 1 s more while it refetches. Tag invalidation cannot reach a CDN, so these
 * two seconds bound how long an edit takes to reach readers behind one. Browsers
 * ignore s-maxage; signed-in requests and anything else get no such header. "Anonymous"
 * means the request carries no session cookie (Context.anonymous), decided without
 * decoding one: a request with an expired cookie counts as signed in here.
 */
export const SHARED_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=1";

/**
 * The fetch adapter's responseMeta: Retry-After on retryable errors (a limiter's
 * refusal carries its own wait), and Cache-Control on anonymous shared reads.
 */
export function responseMeta(opts: {
  ctx?: Pick<Context, "anonymous" | "sharedReads">;
  type: "query" | "mutation" | "subscription" | "unknown";
  paths?: readonly string[];
  errors: TRPCError[];
}): { headers?: Headers } {
  const headers = retryAfterMeta(opts).headers ?? new Headers();
  const { ctx, type, paths = [], errors } = opts;
  if (type === "query" && errors.length === 0 && ctx?.anonymous === true && paths.length > 0 && ctx.sharedReads.count === paths.length) {
    headers.set("Cache-Control", SHARED_CACHE_CONTROL);
  }
  return [...headers.keys()].length ? { headers } : {};
}

function retryAfterSeconds(error: TRPCError): number {
  const known = (error.cause as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof known === "number" ? Math.max(1, Math.ceil(known / 1000)) : (retryAfterByCode[error.code] ?? 0);
}

/** A NOT_FOUND for a named thing, e.g. notFound("Product"). */
export const notFound = (what: string) => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });

/** A BAD_REQUEST with one field error, shaped like zod's issues so forms show it beside the field. */
export function badInput(path: PropertyKey[], message: string): TRPCError {
  const text = `${path.join(".")}: ${message}`;
  return new TRPCError({ code: "BAD_REQUEST", message: text, cause: Object.assign(new Error(text), { issues: [{ path, message }] }) });
}
