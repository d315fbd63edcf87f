// Seeds the shop through the API. Usage: pnpm db:seed [--size small|10k|100k|<number>] [--orders <number>]
// Also Prisma's seed command, so `prisma migrate reset` reseeds.
import "../packages/db/src/load-env";
import { disconnectAll, env, getPrisma, getRedis } from "../packages/db/src/index";
import { disconnectCaches } from "../packages/api/src/index";
import { ADMIN, STAFF, customerAccount, seed, sizes } from "./seed/run";


/** The value of `--name value` or `--name=value`, if given. */
function option(argv: string[], name: string): string | undefined {
  const flag = argv.indexOf(`--${name}`);
  return flag > -1 ? argv[flag + 1] : argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
}

function parseSize(argv: string[]): number {
  const value = option(argv, "size") ?? "small";
  if (value in sizes) return sizes[value as keyof typeof sizes];
  const n = Number(value);
  if (Number.isInteger(n) && n > 0 && n <= 1_000_000) return n;
  console.error(`--size takes small, 10k, 100k or a number of products (got ${value})`);
  process.exit(2);
}

/** `--orders n`: how many orders of history (each a checkout through the API); the seed's default when left out. */
function parseOrders(argv: string[]): number | undefined {
  const value = option(argv, "orders");
  if (value === undefined) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 0 && n <= 10_000) return n;
  console.error(`--orders takes a number of orders from 0 to 10000 (got ${value})`);
  process.exit(2);
}

async function main() {
  if (env().NODE_ENV === "production") {
    // The accounts it makes have the published passwords printed at the end.
    console.error("pnpm db:seed makes accounts with published passwords: it refuses to run with NODE_ENV=production.");
    process.exitCode = 2;
    return;
  }
  const products = parseSize(process.argv);
  const orders = parseOrders(process.argv);
  const db = getPrisma();
  const [schema] = await db.$queryRaw<{ table: string | null }[]>`SELECT to_regclass('public."User"')::text AS table`;
  if (!schema?.table) {
    console.error(`The database in DATABASE_URL has no schema yet. Run \`pnpm db:migrate\` first.`);
    process.exitCode = 1;
    return;
  }
  const redisUp = await getRedis().ping().then(() => true, () => false);
  if (!redisUp) console.warn(`Redis at ${env().REDIS_URL} is not answering: seeding without the cache.`);

  const started = Date.now();
  const result = await seed({ db, products, orders, progress: true, log: (line) => console.log(line) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nSeeded in ${seconds}s: ${result.products} products, ${result.customers} customers, ${result.orders} orders.`);
  console.log("Accounts (local development only):");
  console.log(`  admin     ${ADMIN.email} / ${ADMIN.password}`);
  console.log(`  staff     ${STAFF.email} / ${STAFF.password}`);
  console.log(`  customer  ${customerAccount(1).email} / ${customerAccount(1).password}  (customer1..${result.customers})`);
}

main()
  .catch((error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectCaches();
    await disconnectAll();
  });
