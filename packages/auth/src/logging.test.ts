import { Writable } from "node:stream";
import { createLogger } from "@shop/db";
import { CredentialsSignin } from "next-auth";
import { describe, expect, it } from "vitest";
import { authLogger } from "./logging";

function captured() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
  return { lines, log: authLogger(createLogger(sink, "info")) };
}

describe("Auth.js's log lines", () => {
  it("say a refused sign-in in one info line with its code, no stack", () => {
    const { lines, log } = captured();
    const refused = new CredentialsSignin();
    refused.code = "not_staff";
    log.error?.(refused);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "sign-in refused", code: "not_staff" });
    expect(lines[0]).not.toContain("stack");
  });

  it("keep anything else an error, with what happened", () => {
    const { lines, log } = captured();
    log.error?.(new Error("adapter failed"));
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, msg: "auth error", err: { message: "adapter failed" } });
  });
});
