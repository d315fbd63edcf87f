import { describe, expect, it } from "vitest";
import { makeQueryClient } from "./query-client";

const answered = (httpStatus: number) => ({ data: { httpStatus } });

describe("the query client's retry policy", () => {
  const retry = makeQueryClient().getDefaultOptions().queries?.retry as (count: number, error: unknown) => boolean;

  it("retries what may change (a shed 429, a 503, a network failure), a bounded number of times", () => {
    for (const error of [answered(429), answered(503), new TypeError("fetch failed")]) {
      expect(retry(0, error)).toBe(true);
      expect(retry(2, error)).toBe(false);
    }
  });

  it("does not retry answers a retry cannot change", () => {
    for (const status of [400, 401, 403, 404, 409]) expect(retry(0, answered(status))).toBe(false);
  });
});
