import { readFile } from "node:fs/promises";
import { env } from "@shop/db";

// The framework floor of `pnpm bench`: the least a route handler of this production app
// can do (answer bytes held in memory), against which the cached `/api/trpc` answer of
// the same bytes is measured. Off (404) unless the bench names the file to serve.
export const dynamic = "force-dynamic";

let body: Promise<Uint8Array<ArrayBuffer>> | undefined;

export async function GET(): Promise<Response> {
  const file = env().BENCH_FLOOR_FILE;
  if (!file) return new Response(null, { status: 404 });
  body ??= readFile(file).then((bytes) => new Uint8Array(bytes));
  return new Response(await body, { headers: { "content-type": "application/json" } });
}
