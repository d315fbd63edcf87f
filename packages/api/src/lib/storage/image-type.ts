/**
 * The image types the shop accepts, recognised by their first bytes (magic numbers),
 * never by the file name or the browser's Content-Type, which the sender chooses.
 * SVG is refused, not sanitized: it is a document that can carry scripts, and product
 * photos never need it.
 */
export const imageTypes = {
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
} as const;

export type ImageExtension = keyof typeof imageTypes;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The extension of the image these bytes are, or null when they are none of the accepted types. */
export function sniffImage(bytes: Uint8Array): ImageExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  return null;
}

/** The Content-Type a stored file is served with, from its extension; null for anything else. */
export function contentTypeOf(key: string): string | null {
  const extension = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return Object.hasOwn(imageTypes, extension) ? imageTypes[extension as ImageExtension] : null;
}
