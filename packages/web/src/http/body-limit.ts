/**
 * The one bounded body read for every route that reads a body (tRPC, Auth.js, the
 * payment webhook): a declared Content-Length over the limit is refused before any
 * byte is kept, and a streamed body is counted chunk by chunk and refused as soon as
 * the count passes the limit, so a request never makes the server hold more than
 * `limitBytes` of it.
 */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than the ${limitBytes}-byte limit.`);
  }
}

export async function readBodyWithin(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limitBytes) throw tooLarge(request.body?.getReader(), limitBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) throw tooLarge(reader, limitBytes);
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** How much of a refused body is still read (and dropped) after the 413, at most. */
const DISCARD_AFTER_REFUSAL = { bytes: 16 * 1024 * 1024, ms: 2_000 };

/**
 * The error to throw for a body over the limit, after starting to drop the rest in
 * the background: closing a connection whose client is still sending resets it, and
 * a reset can destroy the 413 before the client reads it. So the rest is read and
 * thrown away, bounded in bytes and time, and then the stream is cancelled.
 */
function tooLarge(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, limitBytes: number): BodyTooLargeError {
  if (reader) void discard(reader);
  return new BodyTooLargeError(limitBytes);
}

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  // Cancelling also ends a pending read, so a client that stalls is cut off on time.
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), DISCARD_AFTER_REFUSAL.ms);
  let dropped = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      dropped += value.byteLength;
      if (dropped > DISCARD_AFTER_REFUSAL.bytes) return await reader.cancel();
    }
  } catch {
    // The client went away: nothing left to drop.
  } finally {
    clearTimeout(timer);
  }
}

/** The 413 every limited route answers, saying the limit. */
export function payloadTooLarge(limitBytes: number): Response {
  return Response.json(
    { error: { code: "PAYLOAD_TOO_LARGE", message: new BodyTooLargeError(limitBytes).message, limitBytes } },
    { status: 413 },
  );
}

/**
 * Wraps a route handler so it sees the request with its body already read within
 * `limitBytes()` (read per request, so the environment decides), or answers 413.
 * GET and HEAD have no body and pass through untouched.
 */
export function limitBody<R extends Request>(limitBytes: () => number, handler: (request: Request) => Promise<Response>): (request: R) => Promise<Response> {
  return async (request) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request);
    const limit = limitBytes();
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readBodyWithin(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return payloadTooLarge(limit);
      throw error;
    }
    return handler(new Request(request, { body }));
  };
}
