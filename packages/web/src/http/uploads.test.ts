import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@shop/db";
import { env, prisma } from "@shop/db";
import { localDiskStorage } from "../../../api/src/lib/storage/storage";
import { imageSamples } from "../../../api/src/test/images";
import { PASSWORD_HASH, unique } from "../../../db/src/testing/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImageUploadHandler, serveUpload } from "./uploads";

/**
 * The admin's upload handler as Next.js calls it, with real users and roles in the
 * database and a real folder on disk. The session source stands in for Auth.js (whose
 * decoding needs a Next.js request scope): a `session=<user id>` cookie is that user's
 * session; the browser tests sign in for real.
 */
const app = "https://admin.example.com";
let dir: string;
let storage: ReturnType<typeof localDiskStorage>;
const users: Record<string, { id: string; email: string; roles: Role[] }> = {};

const sessionSource = {
  present: (headers: Headers) => /(^|;\s*)session=/.test(headers.get("cookie") ?? ""),
  resolve: async () => null,
};
function handlerAs(user: keyof typeof users | null) {
  const who = user ? users[user] : undefined;
  return createImageUploadHandler({
    session: { ...sessionSource, resolve: async () => (who ? { user: who } : null) },
    appUrl: () => app,
    storage: () => storage,
  });
}

function upload(user: keyof typeof users | null, file: Blob | string | null, headers: Record<string, string> = { origin: app, "sec-fetch-site": "same-origin" }) {
  const form = new FormData();
  if (typeof file === "string") form.set("file", file);
  else if (file) form.set("file", file, "picture.png");
  const request = new Request(`${app}/api/uploads`, { method: "POST", body: form, headers: { ...(user && { cookie: "session=1" }), ...headers } });
  return handlerAs(user)(request);
}

const stored = async () => readdir(dir).catch(() => []);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "uploads-test-"));
  storage = localDiskStorage(join(dir, "files"));
  dir = join(dir, "files");
  for (const [name, roles] of [["admin", ["ADMIN"]], ["staff", ["STAFF"]], ["customer", ["CUSTOMER"]], ["demoted", []]] as const) {
    const user = await prisma.user.create({
      data: { email: `${unique(name)}@example.test`, password: PASSWORD_HASH, roles: { create: roles.map((role) => ({ role })) } },
      select: { id: true, email: true },
    });
    // The demoted account's token still says ADMIN; the database no longer does.
    users[name] = { ...user, roles: name === "demoted" ? ["ADMIN"] : [...roles] };
  }
});
afterAll(() => rm(join(dir, ".."), { recursive: true, force: true }));

describe("the image upload route", () => {
  it("stores an admin's PNG under its content hash and answers its URL, which serves it back", async () => {
    const response = await upload("admin", new Blob([imageSamples.png], { type: "image/png" }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { key: string; url: string; contentType: string };
    expect(body).toEqual({ key: expect.stringMatching(/^[0-9a-f]{64}\.png$/), url: expect.stringMatching(/^\/uploads\/[0-9a-f]{64}\.png$/), contentType: "image/png" });
    expect(await stored()).toContain(body.key);

    const served = await serveUpload(body.key, storage);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(imageSamples.png));
  });

  it("answers 404 with nosniff for a missing file or a path that tries to leave the folder", async () => {
    for (const file of ["0".repeat(64) + ".png", "../package.json", "..%2Fpackage.json", "%2e%2e"]) {
      const response = await serveUpload(file, storage);
      expect(response.status, file).toBe(404);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("refuses an anonymous request with 401 and a customer, staff or a demoted admin with 403, storing nothing", async () => {
    const before = await stored();
    const gif = () => new Blob([imageSamples.gif]);
    expect((await upload(null, gif())).status).toBe(401);
    for (const user of ["customer", "staff", "demoted"] as const) expect((await upload(user, gif())).status, user).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("refuses a cross-site request with 403 and a non-multipart body with 415", async () => {
    expect((await upload("admin", new Blob([imageSamples.png]), { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload("admin", new Blob([imageSamples.png]), { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const json = new Request(`${app}/api/uploads`, { method: "POST", body: "{}", headers: { cookie: "session=1", "content-type": "application/json" } });
    expect((await handlerAs("admin")(json)).status).toBe(415);
  });

  it("refuses a file over UPLOAD_LIMIT_BYTES with 413", async () => {
    const big = new Uint8Array(env().UPLOAD_LIMIT_BYTES + 1);
    big.set(imageSamples.png);
    const response = await upload("admin", new Blob([big]));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", limitBytes: env().UPLOAD_LIMIT_BYTES } });
  });

  it("refuses SVG and other non-images with 415 whatever they claim to be, and a missing file with 400", async () => {
    const before = await stored();
    const svg = await upload("admin", new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: "image/png" }));
    expect(svg.status).toBe(415);
    expect(await svg.json()).toMatchObject({ error: { fieldErrors: { file: [expect.stringMatching(/SVG is refused/)] } } });
    expect((await upload("admin", new Blob(["%PDF-1.7"], { type: "image/jpeg" }))).status).toBe(415);
    expect((await upload("admin", null)).status).toBe(400);
    expect((await upload("admin", "not a file")).status).toBe(400);
    expect(await stored()).toEqual(before);
  });
});
