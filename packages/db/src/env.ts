import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import proxyaddr from "proxy-addr";
import { z } from "zod";

/**
 * The one place that reads process.env. Every setting is validated with zod the
 * first time it is asked for, so a bad value fails at start-up with a message that
 * names the variable, not later inside a query.
 */
const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgresql:// URL");

const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), "must be a redis:// or rediss:// URL");

/**
 * Proxies whose X-Forwarded-For the apps believe: comma-separated addresses, CIDR ranges
 * or proxy-addr's names (loopback, linklocal, uniquelocal); empty trusts none.
 */
const trustedProxies = z
  .string()
  .default("loopback")
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    try {
      proxyaddr.compile(list);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `${(error as Error).message} (addresses, CIDR ranges, loopback, linklocal or uniquelocal)` });
    }
  });

/** Read replicas: comma-separated postgresql:// URLs; an issue names the entry, not the list. */
const replicaUrls = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    list.forEach((entry, index) => {
      if (!postgresUrl.safeParse(entry).success) ctx.addIssue({ code: "custom", message: `entry ${index + 1} must be a postgresql:// URL` });
    });
  });

/** "host:port,host:port" (Sentinel or Cluster nodes); unset is no list. */
const hostPortList = z
  .string()
  .transform((value, ctx) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const match = /^(.+):(\d{1,5})$/.exec(entry);
        const port = Number(match?.[2]);
        if (!match || port < 1 || port > 65_535) ctx.addIssue({ code: "custom", message: `"${entry}" is not host:port` });
        return { host: match?.[1] ?? entry, port };
      }),
  )
  .refine((list) => list.length > 0, "list at least one host:port")
  .optional();

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** The test provider's webhook secret when none is set: public, so refused in production. */
export const PUBLIC_TEST_WEBHOOK_SECRET = "whsec_local_test_provider_secret";
/** The value ALLOW_TEST_PAYMENTS_IN_PRODUCTION must have: it says what the opt-in means. */
export const TEST_PAYMENTS_OPT_IN = "i-understand-orders-are-not-charged";
/**
 * AUTH_SECRET values published with the code (.env, .env.example; a test keeps this
 * list in step with the files): refused in production. Shorter examples ("secret",
 * "changeme") already fail the 32-character minimum.
 */
export const KNOWN_EXAMPLE_AUTH_SECRETS: readonly string[] = [
  "local-development-only-secret-not-for-production-0000",
  "replace-with-output-of-openssl-rand-base64-32",
];

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: postgresUrl,
  // Read replicas for public catalog reads only (packages/db/src/replicas.ts): one URL or
  // several, comma-separated; empty or unset reads everything from DATABASE_URL.
  DATABASE_REPLICA_URL: replicaUrls,
  // How long a replica that failed is skipped (its reads go to the primary) before it is tried again.
  DATABASE_REPLICA_RETRY_MS: int(5_000, 1),
  DATABASE_POOL_MAX: int(10, 1),
  DATABASE_CONNECT_TIMEOUT_MS: int(5_000, 1),
  // Waiting for a free pool connection is bounded apart from connecting: at most this
  // many callers per process wait, each at most this long, then get a retryable "busy".
  DATABASE_POOL_QUEUE_MAX: int(100),
  DATABASE_POOL_WAIT_MS: int(2_000, 1),
  DATABASE_IDLE_TIMEOUT_MS: int(10_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(30_000),
  REDIS_URL: redisUrl.default("redis://127.0.0.1:6379"),
  // Redis Sentinel instead of one server: the sentinels (host:port list) and the master's
  // name they watch; the master's own password comes from REDIS_URL's (its address is unused).
  REDIS_SENTINELS: hostPortList,
  REDIS_SENTINEL_NAME: z.string().min(1).optional(),
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  // Redis Cluster instead of one server: some of its nodes (host:port list), the rest are
  // discovered; REDIS_URL's password applies to every node.
  REDIS_CLUSTER_NODES: hostPortList,
  REDIS_KEY_PREFIX: z.string().default("shop:"),
  REDIS_COMMAND_TIMEOUT_MS: int(250, 1),
  REDIS_CONNECT_TIMEOUT_MS: int(2_000, 1),
  REDIS_MAX_RECONNECT_DELAY_MS: int(5_000, 1),
  // Where the local stack keeps its embedded PostgreSQL data (relative to the repo root).
  DEV_DATA_DIR: z.string().default(".data"),
  // `pnpm dev`'s mail catcher (maildev) when SMTP_URL is unset: its SMTP port and web inbox.
  DEV_MAIL_SMTP_PORT: int(1025, 1),
  DEV_MAIL_WEB_PORT: int(1080, 1),
  // Orders of history `pnpm dev` seeds into an empty database; unset, the seed's own
  // default (12 per customer). Its test asks for a few: each order is a checkout.
  DEV_SEED_ORDERS: z.coerce.number().int().min(0).optional(),
  // Uploaded images (admin product pictures), served by both apps under /uploads.
  // Relative to the repository root unless absolute; every app instance must see the same folder.
  UPLOAD_DIR: z.string().default(".data/uploads"),
  // The largest image the admin's upload accepts.
  UPLOAD_LIMIT_BYTES: int(5_242_880, 1_024),
  // "test" settles payments locally with no network; "stripe" uses Stripe's API.
  PAYMENT_PROVIDER: z.enum(["test", "stripe"]).default("test"),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  // Public by design: the storefront hands it to Stripe.js in the browser, read per
  // request (not NEXT_PUBLIC_ at build time) so one build serves any environment.
  STRIPE_PUBLISHABLE_KEY: z.string().startsWith("pk_").optional(),
  // Only for pointing the Stripe SDK at a local stub (tests); unset in production.
  STRIPE_API_URL: z.string().url().optional(),
  // Signs the test provider's webhooks; a safe local default, not a secret.
  PAYMENT_TEST_WEBHOOK_SECRET: z.string().min(16).default(PUBLIC_TEST_WEBHOOK_SECRET),
  // Encrypts Auth.js session cookies (JWTs). .env carries a local-only value; set a
  // random one (openssl rand -base64 32) in .env.local or the deployment's environment.
  AUTH_SECRET: z.string().min(32, "at least 32 characters (openssl rand -base64 32)"),
  // The job worker: jobs of one queue one process runs at once, and how long a stopping
  // worker lets running jobs finish before pg-boss hands them back for a retry.
  WORKER_CONCURRENCY: int(2, 1),
  WORKER_SHUTDOWN_GRACE_MS: int(25_000, 1_000),
  // Where each app is served, for links between them and Auth.js redirects.
  STOREFRONT_URL: z.string().url().default("http://localhost:3000"),
  ADMIN_URL: z.string().url().default("http://localhost:3001"),
  // Request limits (README "Deploying"): bodies are counted while they stream in and
  // refused with 413 past these sizes, so no request can make a process buffer more.
  // 1 MB is far above the largest form the apps send (a product with its variants);
  // sign-in and sign-up forms are under 1 KB; a provider's event is a few KB.
  API_BODY_LIMIT_BYTES: int(1_048_576, 1_024),
  AUTH_BODY_LIMIT_BYTES: int(65_536, 1_024),
  WEBHOOK_BODY_LIMIT_BYTES: int(524_288, 1_024),
  // Calls in one tRPC batch: one request can no longer queue 1,000 calls. At least the
  // 10 the apps' browser link sends at most (packages/web/src/trpc/links.ts).
  // E-mail (packages/mail, sent by the worker). Unset SMTP_URL: nothing is sent and
  // notifications wait as PENDING; `pnpm dev` points it at its local mail catcher.
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), "must be an smtp:// or smtps:// URL")
    .optional(),
  // The sender's address; the sender's name is the store.name setting.
  MAIL_FROM: z.string().email().default("shop@localhost"),
  // Attempts per e-mail before it is marked FAILED (back-off doubles from one minute).
  MAIL_MAX_ATTEMPTS: int(8, 1),
  // E-mails to one recipient per rolling hour; more wait (they are delayed, never dropped).
  MAIL_PER_RECIPIENT_PER_HOUR: int(20, 1),
  // Bounds one SMTP conversation; a row SENDING for twice this long was interrupted.
  MAIL_SEND_TIMEOUT_MS: int(30_000, 100),
  TRPC_MAX_BATCH_SIZE: int(25, 10),
  // URLs per page of the storefront's sitemap (sitemap.xml is an index of such pages);
  // 50,000 is the sitemap protocol's limit. Small values are for tests.
  SITEMAP_PAGE_SIZE: z.coerce.number().int().min(1).max(50_000).default(10_000),
  // Which peers may tell the apps the client's address (sign-in and sign-up limits key on it).
  // Loopback by default: a proxy on the same host; anyone else's X-Forwarded-For is ignored.
  TRUSTED_PROXIES: trustedProxies,
  // Opt-ins that let a production process run with settings otherwise refused (see productionGuard).
  ALLOW_TEST_PAYMENTS_IN_PRODUCTION: z.literal(TEST_PAYMENTS_OPT_IN).optional(),
  ALLOW_HTTP_APP_URLS: z.enum(["true", "false"]).default("false"),
  // `pnpm bench` only: a file the storefront's /api/bench-floor route answers with (the
  // framework-floor baseline, scripts/bench/framework-floor.ts); unset, the route is a 404.
  BENCH_FLOOR_FILE: z.string().optional(),
  // Set by `next build` while it prerenders: a build serves any environment, so the
  // production guard checks the processes that serve it, not the build.
  NEXT_PHASE: z.string().optional(),
});

export const envSchema = baseSchema.superRefine((settings, ctx) => {
  if (settings.PAYMENT_PROVIDER === "stripe") {
    // Checked here rather than at the first payment, so a half-configured Stripe stops the process at start-up.
    for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY"] as const) {
      if (!settings[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when PAYMENT_PROVIDER=stripe" });
    }
  }
  redisTopologyRules(settings, ctx);
  if (settings.NODE_ENV === "production" && settings.NEXT_PHASE !== "phase-production-build") productionGuard(settings, ctx);
});

/** One way to reach Redis: Sentinel and Cluster exclude each other, and a sentinel setting needs the others. */
function redisTopologyRules(settings: z.infer<typeof baseSchema>, ctx: z.RefinementCtx): void {
  const refuse = (path: keyof typeof settings, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (settings.REDIS_SENTINELS && settings.REDIS_CLUSTER_NODES) {
    refuse("REDIS_CLUSTER_NODES", "set either REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both");
  }
  if (settings.REDIS_SENTINELS && !settings.REDIS_SENTINEL_NAME) refuse("REDIS_SENTINEL_NAME", "required with REDIS_SENTINELS (the master's name in the sentinels' config)");
  for (const key of ["REDIS_SENTINEL_NAME", "REDIS_SENTINEL_PASSWORD"] as const) {
    if (settings[key] && !settings.REDIS_SENTINELS) refuse(key, "only used with REDIS_SENTINELS, which is unset");
  }
  // A hash tag in the prefix would put every key of the shop in one slot of a cluster.
  if (settings.REDIS_CLUSTER_NODES && /[{}]/.test(settings.REDIS_KEY_PREFIX)) refuse("REDIS_KEY_PREFIX", "no { or } with REDIS_CLUSTER_NODES (they would make it a hash tag)");
}

/**
 * Settings that are fine on a developer's machine but unsafe in production: a public
 * AUTH_SECRET lets anyone mint an admin session, the test provider marks orders paid
 * for free, and its default webhook secret is public.
 */
function productionGuard(settings: z.infer<typeof baseSchema>, ctx: z.RefinementCtx): void {
  const refuse = (path: keyof typeof settings, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (KNOWN_EXAMPLE_AUTH_SECRETS.includes(settings.AUTH_SECRET)) {
    refuse("AUTH_SECRET", "a published example value; in production set a random one (openssl rand -base64 32)");
  }
  if (settings.PAYMENT_PROVIDER === "test") {
    if (settings.ALLOW_TEST_PAYMENTS_IN_PRODUCTION === undefined) {
      refuse(
        "PAYMENT_PROVIDER",
        `"test" marks orders paid without charging anyone; use "stripe" in production, or for a demo set ALLOW_TEST_PAYMENTS_IN_PRODUCTION=${TEST_PAYMENTS_OPT_IN}`,
      );
    }
    if (settings.PAYMENT_TEST_WEBHOOK_SECRET === PUBLIC_TEST_WEBHOOK_SECRET) {
      refuse("PAYMENT_TEST_WEBHOOK_SECRET", "the public default lets anyone forge payment webhooks; set a random one in production");
    }
  }
  if (settings.ALLOW_HTTP_APP_URLS !== "true") {
    for (const key of ["STOREFRONT_URL", "ADMIN_URL"] as const) {
      if (!settings[key].startsWith("https://")) {
        refuse(key, "must be an https:// URL in production (session cookies are only marked Secure over HTTPS); ALLOW_HTTP_APP_URLS=true allows http:// for a local production build");
      }
    }
  }
  if (settings.STRIPE_API_URL !== undefined && !isLoopback(settings.STRIPE_API_URL)) {
    refuse("STRIPE_API_URL", "only for a local Stripe stub (a loopback host); unset it in production so payments go to Stripe");
  }
}

function isLoopback(url: string): boolean {
  // An unparsable URL already has its own issue from the field's schema.
  if (!URL.canParse(url)) return true;
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join(".");
    const received = source[variable];
    return received === undefined
      ? `  ${variable}: missing (${issue.message})`
      : `  ${variable}: ${issue.message}`;
  });
  throw new EnvError(
    `Invalid environment configuration:\n${problems.join("\n")}\n` +
      "Set these in .env.local (ignored by git) or the process environment; .env.example lists them all.",
  );
}

let cached: Env | undefined;

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * For a process's start-up (the apps' instrumentation, the worker): an invalid or, in
 * production, unsafe environment ends the process with the message naming each
 * variable, before it serves anything, instead of failing every request later.
 */
export function checkEnvOrExit(processName: string): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${processName} refuses to start. ${error.message}`);
    process.exit(1);
  }
}

/** The log level alone, so logging works even before the rest of the environment is valid. */
export function logLevel(): Env["LOG_LEVEL"] {
  return envSchema.shape.LOG_LEVEL.catch("info").parse(process.env.LOG_LEVEL);
}

/**
 * The statement timeout alone: db:migrate and the test harness write it into the database
 * before (or without) the rest of the environment.
 */
export function statementTimeoutMs(): Env["DATABASE_STATEMENT_TIMEOUT_MS"] {
  return baseSchema.shape.DATABASE_STATEMENT_TIMEOUT_MS.parse(process.env.DATABASE_STATEMENT_TIMEOUT_MS);
}

/** Points this process at other settings (a script's own database); later reads see them. `undefined` unsets. */
export function overrideEnv(values: Partial<Record<keyof Env, string | undefined>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
  cached = undefined;
}

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  // Walks up at run time to find .env files and data folders: not a file the apps'
  // output needs, so Next's tracer is told not to follow it (it would trace the whole repo).
  let dir = resolve(/*turbopackIgnore: true*/ from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(/*turbopackIgnore: true*/ from);
    dir = parent;
  }
  return dir;
}

/**
 * Loads `.env.local` (secrets, ignored by git) and then `.env` (safe committed
 * defaults) from the repository root. Variables already set in the process win.
 */
export function loadDotenvFiles(root: string = findRepoRoot()): void {
  loadDotenv({ path: [join(root, ".env.local"), join(root, ".env")], quiet: true });
  cached = undefined;
}
