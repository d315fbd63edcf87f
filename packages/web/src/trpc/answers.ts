import { cacheGeneration, SHARED_CACHE_CONTROL } from "@shop/api";

/**
 * The bytes of anonymous GET answers that came wholly from the shared read cache (those
 * marked SHARED_CACHE_CONTROL by the API), kept per URL so the next identical request is
 * answered without entering tRPC: its URL and input parsing, middleware, abort signals and
 * response stream cost about 1 ms of CPU for a cached product page, most of the request
 * (docs/performance.md). Such an answer is the same for everyone, and is only reused while
 * nothing it was made from can have changed: the cache's generation (bumped by every
 * invalidation here, every message from another instance's cache and every emptying of
 * the memory tier) must be the one read before the answer was made, and at most
 * ANSWER_TTL_MS old, so data changed behind the cache's back is no staler than the
 * CDN's s-maxage would let it be.
 */
const ANSWER_TTL_MS = 1_000;
/** Entries, oldest dropped first: distinct inputs are unbounded, memory is not. */
const MAX_ANSWERS = 1_000;

interface Answer {
  generation: number;
  madeAt: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

const answers = new Map<string, Answer>();

function reply(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/**
 * Answers an anonymous GET from a kept answer, or runs `handle` and keeps its answer when
 * the API marked it shareable. Anything else (a session cookie, a mutation) goes straight
 * to `handle`.
 */
export async function withKeptAnswers(req: Request, anonymous: boolean, handle: (req: Request) => Promise<Response>): Promise<Response> {
  if (req.method !== "GET" || !anonymous) return handle(req);
  const key = req.url;
  const generation = cacheGeneration();
  const kept = answers.get(key);
  if (kept && kept.generation === generation && Date.now() - kept.madeAt < ANSWER_TTL_MS) return reply(kept);

  const madeAt = Date.now();
  const response = await handle(req);
  if (response.status !== 200 || response.headers.get("cache-control") !== SHARED_CACHE_CONTROL) return response;
  const answer: Answer = { generation, madeAt, status: response.status, headers: [...response.headers], body: await response.arrayBuffer() };
  answers.delete(key);
  answers.set(key, answer);
  if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value ?? key);
  return reply(answer);
}
