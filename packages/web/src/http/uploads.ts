import { currentRoles, type SessionSource, type Storage, storeImage, UnsupportedImageError, uploadStorage } from "@shop/api";
import { env, getPrisma } from "@shop/db";
import { BodyTooLargeError, payloadTooLarge, readBodyWithin } from "./body-limit";
import { refuseCrossSiteMutation } from "./same-origin";

/** Room for the multipart framing around the file (boundaries, part headers, the file name). */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const refusal = (status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) =>
  Response.json({ error: { code, message, ...(fieldErrors && { fieldErrors }) } }, { status });

/**
 * POST handler for the admin's image upload: multipart/form-data with one `file` part.
 * In order, so that nobody but an admin makes the server read a body: same-origin
 * (403), a session (401), the ADMIN role as the database holds it now (403, as
 * adminProcedure checks it), the size cap UPLOAD_LIMIT_BYTES (413), then the bytes
 * must be a PNG, JPEG, WebP or GIF (415). Answers 201 with the file's public URL.
 */
export function createImageUploadHandler(options: { session: SessionSource; appUrl: () => string; storage?: () => Storage }) {
  const storage = options.storage ?? uploadStorage;
  return async (request: Request): Promise<Response> => {
    const refused = refuseCrossSiteMutation(request, options.appUrl(), ["multipart/form-data"]);
    if (refused) return refused;
    const session = options.session.present(request.headers) ? await options.session.resolve() : null;
    if (!session) return refusal(401, "UNAUTHORIZED", "Sign in first");
    const roles = await currentRoles({ db: getPrisma() }, session.user.id);
    if (!roles.includes("ADMIN")) return refusal(403, "FORBIDDEN", "Admins only");

    const limit = env().UPLOAD_LIMIT_BYTES;
    let form: FormData;
    try {
      const body = await readBodyWithin(request, limit + MULTIPART_OVERHEAD_BYTES);
      form = await new Request(request, { body }).formData();
    } catch (error) {
      if (error instanceof BodyTooLargeError) return payloadTooLarge(limit);
      return refusal(400, "BAD_REQUEST", "The body is not valid multipart/form-data.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) return refusal(400, "BAD_REQUEST", "Choose an image to upload.", { file: ["Choose an image to upload."] });
    if (file.size > limit) return payloadTooLarge(limit);
    try {
      const stored = await storeImage(storage(), new Uint8Array(await file.arrayBuffer()));
      return Response.json(stored, { status: 201 });
    } catch (error) {
      if (error instanceof UnsupportedImageError) return refusal(415, "UNSUPPORTED_MEDIA_TYPE", error.message, { file: [error.message] });
      throw error;
    }
  };
}

/**
 * GET handler for `/uploads/<file>`: the stored bytes with their image type. Names are
 * content hashes, so an answer never changes and is cached for a year; nosniff and a
 * CSP that allows nothing keep a browser from treating a file as anything but an image.
 */
export async function serveUpload(file: string, storage: Storage = uploadStorage()): Promise<Response> {
  const stored = await storage.get(file);
  if (!stored) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain", "x-content-type-options": "nosniff" } });
  return new Response(new Uint8Array(stored.bytes), {
    headers: {
      "content-type": stored.contentType,
      "content-length": String(stored.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

/** The `uploads/[file]/route.ts` GET both apps export. */
export async function uploadRoute(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return serveUpload((await params).file);
}
