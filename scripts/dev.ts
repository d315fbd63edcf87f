// The local stack in one command: PostgreSQL (DATABASE_URL if it answers, else an
// embedded PostgreSQL 16 whose data survives restarts in DEV_DATA_DIR), Redis
// (REDIS_URL if it answers, else a local redis-server if installed, else cache off),
// migrations (Prisma's and pg-boss's job schema), a seed when the database is empty,
// a mail catcher with a web inbox (maildev) unless SMTP_URL is set, then everything
// under apps/* with a `dev` script: both Next.js apps and the job worker (which sends
// the shop's e-mails to the catcher). Ctrl-C stops everything it started.
import "../packages/db/src/load-env";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { disconnectCaches } from "../packages/api/src/index";
import { MailDev } from "maildev";
import { disconnectAll, env, findRepoRoot, getPrisma, getRedis, overrideEnv } from "../packages/db/src/index";
import { deployMigrations } from "../packages/db/src/migrations";
import { ensureDatabase, postgresAnswers, withDatabase } from "../packages/db/src/postgres/admin";
import { startEmbeddedPostgres, type RunningPostgres } from "../packages/db/src/postgres/embedded";
import { installed, pollUntil, waitForHttp } from "../packages/db/src/testing/processes";
import { startRedisServer } from "../packages/db/src/testing/redis-servers";
import { stopProcessGroup } from "./process-group";
import { ADMIN, STAFF, customerAccount, seed } from "./seed/run";

const root = findRepoRoot();
const settings = env();
const children: ChildProcess[] = [];
let embedded: RunningPostgres | null = null;
let redisServer: { stop(): Promise<void> } | null = null;
let mailCatcher: MailDev | null = null;
const say = (line: string) => console.log(`[dev] ${line}`);

async function startPostgres(): Promise<void> {
  const url = new URL(settings.DATABASE_URL);
  if (await postgresAnswers(withDatabase(settings.DATABASE_URL, "postgres"))) {
    say(`PostgreSQL: using ${url.host}`);
    return;
  }
  if (!["127.0.0.1", "localhost"].includes(url.hostname)) {
    throw new Error(`Nothing answers at ${url.host} (DATABASE_URL), and it is not a local address to start PostgreSQL on.`);
  }
  const dataDir = isAbsolute(settings.DEV_DATA_DIR) ? join(settings.DEV_DATA_DIR, "postgres") : join(root, settings.DEV_DATA_DIR, "postgres");
  embedded = await startEmbeddedPostgres({ dataDir, port: Number(url.port || 5432), persistent: true });
  say(`PostgreSQL 16: embedded on port ${embedded.port}, data in ${dataDir}`);
}

const redisReady = () => getRedis().ping().then(() => true, () => false);

async function startRedis(): Promise<void> {
  if (await redisReady()) {
    say(`Redis: using ${settings.REDIS_URL}`);
    return;
  }
  const url = new URL(settings.REDIS_URL);
  if (installed("redis-server") && ["127.0.0.1", "localhost"].includes(url.hostname)) {
    const port = Number(url.port || 6379);
    // Detached, like the apps: a Ctrl-C then reaches only this script, which stops Redis after them.
    redisServer = await startRedisServer({ port, detached: true });
    // The shared client was refused a moment ago: the seed goes through it once it has reconnected.
    await pollUntil("the Redis client to reconnect", redisReady, 10_000);
    say(`Redis: started redis-server on port ${port}`);
    return;
  }
  say(`WARNING: no Redis at ${settings.REDIS_URL} and no redis-server installed: running with the cache off.`);
}

/** Where the worker sends e-mail: SMTP_URL when set, else a local catcher whose inbox is a web page. */
async function startMail(): Promise<string> {
  if (settings.SMTP_URL) {
    const url = new URL(settings.SMTP_URL);
    say(`Mail: sending through ${url.host}`);
    return `sent through ${url.host}`;
  }
  mailCatcher = new MailDev({ smtp: settings.DEV_MAIL_SMTP_PORT, web: settings.DEV_MAIL_WEB_PORT, ip: "127.0.0.1", webIp: "127.0.0.1", silent: true });
  await mailCatcher.start();
  // The worker (started below) inherits it.
  overrideEnv({ SMTP_URL: `smtp://127.0.0.1:${settings.DEV_MAIL_SMTP_PORT}` });
  return `http://localhost:${settings.DEV_MAIL_WEB_PORT}`;
}

/** Each app's URL setting: its port is where the stack serves it. */
const appUrls: Record<string, string> = { storefront: settings.STOREFRONT_URL, admin: settings.ADMIN_URL };

function startApps(): void {
  const appsDir = join(root, "apps");
  const apps = existsSync(appsDir) ? readdirSync(appsDir).filter((name) => existsSync(join(appsDir, name, "package.json"))) : [];
  for (const app of apps) {
    const manifest = JSON.parse(readFileSync(join(appsDir, app, "package.json"), "utf8")) as { name: string; scripts?: Record<string, string> };
    if (!manifest.scripts?.dev) continue;
    const url = appUrls[app];
    const port = url ? new URL(url).port : undefined;
    // The app's own `dev` script through sh, not `pnpm --filter … dev`: pnpm reports a
    // child stopped by Ctrl-C as a failed run (ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL). Its own
    // process group, so stopping reaches Next.js's server behind sh too.
    const bin = [join(appsDir, app, "node_modules", ".bin"), join(root, "node_modules", ".bin")].join(":");
    const child = spawn("sh", ["-c", manifest.scripts.dev], {
      cwd: join(appsDir, app),
      stdio: "inherit",
      detached: true,
      // eslint-disable-next-line no-restricted-properties -- hands the environment on to the app; reads nothing
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, NEXT_TELEMETRY_DISABLED: "1", ...(port ? { PORT: port } : {}) },
    });
    children.push(child);
    say(`starting ${manifest.name}${url ? ` on ${url}` : ""}`);
  }
  if (!apps.length) say("No apps under apps/ yet: the API and database are up.");
}

let stopping = false;
async function stop(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    say("stopping");
    await Promise.all(children.map((child) => stopProcessGroup(child)));
    await mailCatcher?.stop();
    await disconnectCaches();
    await disconnectAll();
    await redisServer?.stop();
    await embedded?.stop();
  }
  process.exit(code);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

try {
  await startPostgres();
  await ensureDatabase(settings.DATABASE_URL);
  await deployMigrations(settings.DATABASE_URL);
  say("migrations applied");
  await startRedis();
  const db = getPrisma();
  if ((await db.user.count()) === 0) {
    say("empty database: seeding");
    await seed({ db, products: 48, orders: settings.DEV_SEED_ORDERS });
  }
  const mailInbox = await startMail();
  startApps();
  // Ready means the apps answer, not that they were started: next dev compiles first, which can take minutes.
  await Promise.all(Object.values(appUrls).map((url) => waitForHttp(`${url}/api/trpc/health.check`, (response) => response.ok, 180_000)));
  say("ready");
  for (const [app, url] of Object.entries(appUrls)) say(`${app}: ${url}`);
  say(`mail inbox: ${mailInbox}`);
  say(`accounts: ${ADMIN.email} / ${ADMIN.password}, ${STAFF.email} / ${STAFF.password}, ${customerAccount(1).email} / ${customerAccount(1).password}`);
} catch (error) {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
