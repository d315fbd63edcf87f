import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageSamples as samples } from "../../test/images";
import { contentTypeOf, sniffImage } from "./image-type";
import { InvalidKeyError, isValidKey, localDiskStorage, type Storage, storeImage, UnsupportedImageError } from "./storage";


let dir: string;
let storage: Storage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "storage-test-"));
  storage = localDiskStorage(join(dir, "uploads"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("image sniffing", () => {
  it.each(Object.entries(samples))("recognises %s by its bytes", (extension, bytes) => {
    expect(sniffImage(bytes)).toBe(extension);
  });

  it.each([
    ["SVG", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["SVG with an XML prolog", Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["HTML", Buffer.from("<!doctype html><script>alert(1)</script>")],
    ["a PDF", Buffer.from("%PDF-1.7\n")],
    ["a RIFF that is not WebP (WAV)", Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WAVEfmt ")])],
    ["a truncated PNG signature", samples.png.subarray(0, 4)],
    ["nothing", Buffer.alloc(0)],
  ])("refuses %s", (_, bytes) => {
    expect(sniffImage(bytes)).toBeNull();
  });

  it("serves stored keys with their image type, and nothing else", () => {
    expect(contentTypeOf("abc.png")).toBe("image/png");
    expect(contentTypeOf("abc.jpg")).toBe("image/jpeg");
    expect(contentTypeOf("abc.svg")).toBeNull();
    expect(contentTypeOf("abc")).toBeNull();
  });
});

describe("local disk storage", () => {
  it("puts, reads back, addresses and deletes a file on disk", async () => {
    await storage.put("photo.png", samples.png, "image/png");
    expect(await readFile(join(dir, "uploads", "photo.png"))).toEqual(samples.png);
    expect(await storage.get("photo.png")).toEqual({ bytes: new Uint8Array(samples.png), contentType: "image/png" });
    expect(storage.url("photo.png")).toBe("/uploads/photo.png");
    await storage.delete("photo.png");
    expect(await storage.get("photo.png")).toBeNull();
    // Deleting what is not there is not an error.
    await expect(storage.delete("photo.png")).resolves.toBeUndefined();
    // No half-written files are left behind.
    expect(await readdir(join(dir, "uploads"))).toEqual([]);
  });

  it.each(["../escape.png", "..", "a/b.png", "a\\b.png", ".hidden.png", "/etc/passwd", "%2e%2e%2fx.png", "x.png\0", "", "a".repeat(201)])(
    "refuses the key %j on every call",
    async (key) => {
      expect(isValidKey(key)).toBe(false);
      await expect(storage.put(key, samples.png, "image/png")).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
      expect(() => storage.url(key)).toThrow(InvalidKeyError);
      expect(await storage.get(key)).toBeNull();
    },
  );

  it("never reads a file outside its folder, even one that exists", async () => {
    await writeFile(join(dir, "secret.png"), samples.png);
    expect(await storage.get("../secret.png")).toBeNull();
  });

  it("serves only image types it knows, whatever else lies in the folder", async () => {
    await storage.put("page.html", Buffer.from("<script>alert(1)</script>"), "text/html");
    expect(await storage.get("page.html")).toBeNull();
  });
});

describe("storeImage", () => {
  it("stores an image under the hash of its bytes, once however often it is uploaded", async () => {
    const first = await storeImage(storage, samples.png);
    expect(first).toMatchObject({ key: expect.stringMatching(/^[0-9a-f]{64}\.png$/), contentType: "image/png" });
    expect(first.url).toBe(`/uploads/${first.key}`);
    expect(await storeImage(storage, samples.png)).toEqual(first);
    expect((await storage.get(first.key))?.bytes).toEqual(new Uint8Array(samples.png));
    const gif = await storeImage(storage, samples.gif);
    expect(gif.key).toMatch(/\.gif$/);
    expect(gif.key).not.toBe(first.key);
  });

  it("refuses SVG and other non-images, storing nothing", async () => {
    const before = await readdir(join(dir, "uploads"));
    await expect(storeImage(storage, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).rejects.toBeInstanceOf(UnsupportedImageError);
    expect(await readdir(join(dir, "uploads"))).toEqual(before);
  });
});
