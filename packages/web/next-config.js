// @ts-check
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";

/**
 * The repository root: the nearest folder above `from` holding pnpm-workspace.yaml.
 * @param {string} from
 */
function repoRoot(from) {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The Next.js config both apps share. Settings live in the repository root's
 * `.env.local`/`.env` (validated by @shop/db's env()); Next.js alone would only
 * read the app folder's, so they are loaded here for the server and its workers.
 * @param {string} appDir the app's folder (import.meta.dirname of its next.config)
 * @returns {import("next").NextConfig}
 */
export function shopNextConfig(appDir) {
  const root = repoRoot(appDir);
  loadDotenv({ path: [join(root, ".env.local"), join(root, ".env")], quiet: true });
  return {
    // The workspace packages are TypeScript source: Next.js compiles them with the app.
    transpilePackages: ["@shop/api", "@shop/auth", "@shop/db", "@shop/jobs", "@shop/web"],
    // Native or worker-thread modules stay plain Node requires.
    serverExternalPackages: ["@node-rs/argon2", "pino", "ioredis", "pg", "pg-boss"],
    outputFileTracingRoot: root,
    turbopack: { root },
    poweredByHeader: false,
    reactStrictMode: true,
  };
}
