import { describe, expect, it } from "vitest";
import { refuseCrossSiteMutation } from "./same-origin";

const app = "https://shop.example.com";
const post = (headers: Record<string, string>) =>
  refuseCrossSiteMutation(new Request(`${app}/api/trpc/cart.clear`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" }), app);

describe("refuseCrossSiteMutation", () => {
  it("lets JSON through from the app's own origin, and from clients that send neither header", () => {
    expect(post({ origin: app, "sec-fetch-site": "same-origin" })).toBeUndefined();
    expect(post({ origin: app })).toBeUndefined();
    expect(post({ "sec-fetch-site": "same-origin" })).toBeUndefined();
    expect(post({})).toBeUndefined();
    expect(post({ "content-type": "application/json; charset=utf-8" })).toBeUndefined();
    // The app URL's path and trailing slash do not matter, only its origin.
    expect(refuseCrossSiteMutation(new Request(`${app}/api/trpc/x`, { method: "POST", headers: { origin: app, "content-type": "application/json" } }), `${app}/shop/`)).toBeUndefined();
  });

  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["a sibling origin (same site)", { origin: "https://admin.shop.example.com" }],
    ["another port", { origin: "https://shop.example.com:8443" }],
    ["plain http", { origin: "http://shop.example.com" }],
    ["an opaque origin", { origin: "null" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site none", { "sec-fetch-site": "none" }],
    ["the right Origin with a cross-site fetch", { origin: app, "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403", async (_, headers) => {
    const response = post(headers);
    expect(response?.status).toBe(403);
    expect(await response?.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "application/octet-stream", "application/jsonp"])(
    "refuses %s with 415, even from the app's own origin",
    async (type) => {
      const response = post({ origin: app, "content-type": type });
      expect(response?.status).toBe(415);
      expect(await response?.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    },
  );

  it("leaves GET requests (queries) alone", () => {
    expect(refuseCrossSiteMutation(new Request(`${app}/api/trpc/product.list`, { headers: { origin: "https://evil.example" } }), app)).toBeUndefined();
  });
});
