import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve, sep } from "node:path";
import { env, findRepoRoot } from "@shop/db";
import { contentTypeOf, type ImageExtension, imageTypes, sniffImage } from "./image-type";

/**
 * Where uploaded files live. Keys are flat file names (`<sha256>.png`): no folders, so
 * no key can reach outside the store. Local disk today; an S3-compatible bucket can
 * implement the same four calls (`url` then pointing at the bucket or a CDN).
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes and their type, or null when there is no such file (or the key is not one). */
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** The address pages use for the file: a path both apps serve (`/uploads/<key>`). */
  url(key: string): string;
  delete(key: string): Promise<void>;
}

export class InvalidKeyError extends Error {
  override name = "InvalidKeyError";
}

/** The public path uploads are served under, by both apps. */
export const UPLOADS_PATH = "/uploads";

// A file name, nothing else: no separators, no "..", no leading dot, no NUL.
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9]+)?$/;
export const isValidKey = (key: string) => key.length <= 200 && keyPattern.test(key);

/** A store in the folder `dir`, created on the first write. */
export function localDiskStorage(dir: string): Storage {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    if (!isValidKey(key)) throw new InvalidKeyError(`not a storage key: ${JSON.stringify(key)}`);
    const path = join(root, key);
    // Belt and braces: the pattern already rules out separators.
    if (!path.startsWith(root + sep)) throw new InvalidKeyError(`not a storage key: ${JSON.stringify(key)}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(root, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = join(root, `.partial-${randomUUID()}`);
      await writeFile(partial, bytes);
      await rename(partial, path);
    },
    async get(key) {
      if (!isValidKey(key)) return null;
      const contentType = contentTypeOf(key);
      if (!contentType) return null;
      try {
        return { bytes: new Uint8Array(await readFile(pathOf(key))), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    // Keys hold only URL-safe characters, so they go into the path as they are.
    url: (key) => `${UPLOADS_PATH}/${pathOf(key).slice(root.length + 1)}`,
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

let uploads: Storage | undefined;

/** The shop's upload store: UPLOAD_DIR, relative to the repository root unless absolute. */
export function uploadStorage(): Storage {
  const dir = env().UPLOAD_DIR;
  uploads ??= localDiskStorage(isAbsolute(dir) ? dir : join(findRepoRoot(), dir));
  return uploads;
}

export class UnsupportedImageError extends Error {
  override name = "UnsupportedImageError";
  constructor() {
    super(`Only ${Object.keys(imageTypes).join(", ")} images are accepted (SVG is refused: it can carry scripts).`);
  }
}

/**
 * Stores an image under the hash of its bytes (the same picture uploaded twice is one
 * file, and a name never changes meaning, so it can be cached for good). Throws
 * UnsupportedImageError for bytes that are not one of the accepted image types.
 */
export async function storeImage(storage: Storage, bytes: Uint8Array): Promise<{ key: string; url: string; contentType: string }> {
  const extension: ImageExtension | null = sniffImage(bytes);
  if (!extension) throw new UnsupportedImageError();
  const key = `${createHash("sha256").update(bytes).digest("hex")}.${extension}`;
  const contentType = imageTypes[extension];
  await storage.put(key, bytes, contentType);
  return { key, url: storage.url(key), contentType };
}
