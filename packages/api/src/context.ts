import { CatalogReads, getCatalogReads, getPrisma, getRedis, type PrismaClient, type RedisClient, type Role } from "@shop/db";
import { clientAddress } from "./client-address";
import { createCache, dropBusConnections, type Cache } from "./lib/cache";
import { createPaymentProvider, type PaymentProvider } from "./lib/payments";
import { guestCartFromRequest } from "./routers/cart/guest-cart";

export interface SessionUser {
  id: string;
  email: string;
  roles: Role[];
}
export type Session = { user: SessionUser } | null;

/** A signed-out visitor's guest cart as the request's cookie names it (routers/cart/guest-cart.ts). */
export interface GuestCartCookie {
  /** The token the request's cookie carries, not yet checked; null without one. */
  readonly token: string | null;
  /** Puts a guest cart's cookie on the answer; absent where the answer cannot set cookies (server components). */
  readonly set?: (token: string) => void;
}

export interface InnerContextOptions {
  session: Session;
  db?: PrismaClient;
  redis?: RedisClient;
  /** Where public catalog reads run; by default the process's (DATABASE_REPLICA_URL), or with `db`/`redis` given, their primary alone. */
  catalog?: CatalogReads;
  cache?: Cache;
  payments?: PaymentProvider;
  /** The time, for stock holds and expiry; tests pass a clock they move. */
  clock?: () => Date;
  /** The visitor's guest cart; without one (scripts, the admin app) the cart needs a session. */
  guestCart?: GuestCartCookie | null;
}

export interface Context {
  /**
   * The request's session, decoded on first call and memoised for the request: public
   * reads never ask, so they never pay for decoding the Auth.js cookie. isAuthed puts
   * the resolved session in the protected context as `session`.
   */
  getSession: () => Promise<Session>;
  /**
   * Known without decoding anything: the request carries no session (no session cookie,
   * or an inner context built with `session: null`). What HTTP caching goes by.
   */
  anonymous: boolean;
  /** The primary: every write, transaction and read-your-own-write read. */
  db: PrismaClient;
  /**
   * Public catalog reads that may run on a replica (packages/db/src/replicas.ts); only
   * cached catalog reads use it, through `cached({ replica: true })`.
   */
  catalog: CatalogReads;
  redis: RedisClient;
  cache: Cache;
  payments: PaymentProvider;
  clock: () => Date;
  /** Client address for rate limiting and logs (see client-address.ts); null outside a request. */
  ip: string | null;
  /**
   * Calls of this request answered by a shared cached read (lib/cached.ts), counted so
   * the HTTP answer can be marked cacheable when all of them were. A holder object,
   * since tRPC middleware hands procedures copies of the context.
   */
  sharedReads: { count: number };
  /** The signed-out visitor's guest cart, where the app offers guest carts (the storefront); else null. */
  guestCart: GuestCartCookie | null;
}

/** The context inside protectedProcedure and adminProcedure: a session is present. */
export type ProtectedContext = Context & { session: NonNullable<Session> };

/** How a request's session reaches the API without being decoded unless a procedure needs it. */
export interface SessionSource {
  /** Whether the request carries a session cookie at all: cheap, and without one there is no session. */
  present: (headers: Headers) => boolean;
  /** Decodes the request's session (Auth.js); called at most once per request, and only if needed. */
  resolve: () => Promise<Session>;
}

/** The source for requests that never carry a session: bare fetch handlers in scripts, benchmarks and tests. */
export const anonymousSession: SessionSource = { present: () => false, resolve: () => Promise.resolve(null) };

// One payment provider per process: building an SDK client per request is waste.
let defaultPayments: PaymentProvider | undefined;

// One cache per Redis client: its memory tier and single-flight locks must be
// shared by every request of the process, not rebuilt per request.
const caches = new Map<RedisClient, Cache>();
function cacheFor(redis: RedisClient): Cache {
  let cache = caches.get(redis);
  if (!cache) {
    cache = createCache({ redis, bus: true });
    caches.set(redis, cache);
  }
  return cache;
}

/** Closes the shared caches' bus connections, so a script's process can exit. */
export async function disconnectCaches(): Promise<void> {
  const open = [...caches.values()];
  caches.clear();
  // Bounded: with Redis down a graceful QUIT would wait for a reconnect that never comes.
  await Promise.race([
    Promise.allSettled(open.map((cache) => cache.disconnectAll())),
    new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
  ]);
  dropBusConnections();
}

/**
 * The inner context: everything a procedure needs, built from a plain session.
 * Tests, the seed script and server-side callers use it directly.
 */
export function createInnerContext(options: InnerContextOptions): Context {
  const redis = options.redis ?? getRedis();
  const db = options.db ?? getPrisma();
  const session = Promise.resolve(options.session);
  // A caller's own database or Redis has no replicas of ours: read its primary, but raise the watermark if the deployment has replicas.
  const catalog = options.catalog ?? (options.db || options.redis ? new CatalogReads({ primary: db, redis }) : getCatalogReads());
  return {
    getSession: () => session,
    anonymous: options.session === null,
    db,
    catalog,
    redis,
    cache: options.cache ?? cacheFor(redis),
    payments: options.payments ?? (defaultPayments ??= createPaymentProvider()),
    clock: options.clock ?? (() => new Date()),
    ip: null,
    sharedReads: { count: 0 },
    guestCart: options.guestCart ?? null,
  };
}

export interface RequestContextOptions {
  headers: Headers;
  /** The request's Auth.js session, as the app that mounts the API reaches it. */
  session: SessionSource;
  /**
   * Offer guest carts (the storefront): the cookie is read from `headers`, and set on
   * `resHeaders` when given (route handlers; server components cannot set cookies).
   */
  guestCart?: { resHeaders?: Headers };
}

/** The outer context, per HTTP request: the inner one plus what the request carries. */
export function createTRPCContext(options: RequestContextOptions): Context {
  const anonymous = !options.session.present(options.headers);
  // The promise is memoised, not its value, so concurrent calls of a batch share one decoding.
  let session: Promise<Session> | undefined;
  const getSession = () => (session ??= anonymous ? Promise.resolve(null) : options.session.resolve());
  // Every HTTP request gets an address, so limits keyed on it always apply: without the
  // apps' server hook (a bare fetch handler) all clients share "unknown".
  const guestCart = options.guestCart ? guestCartFromRequest(options.headers, options.guestCart.resHeaders) : null;
  return { ...createInnerContext({ session: null, guestCart }), getSession, anonymous, ip: clientAddress(options.headers) ?? "unknown" };
}
