import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { descendants, isAlive, pollUntil } from "../packages/db/src/testing/processes";
import { stopProcessGroup } from "./process-group";

/** `sh -c "node …"` in a group of its own, as dev.ts starts each app's dev script; `onTerm` is the node's SIGTERM handler. */
async function shellRunningNode(onTerm: string) {
  const script = `process.on("SIGTERM", () => { ${onTerm} }); setInterval(() => {}, 1000); console.log("up");`;
  const child = spawn("sh", ["-c", `node -e '${script}'`], { detached: true, stdio: ["ignore", "pipe", "ignore"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await pollUntil("the node behind sh to start", () => output.includes("up"), 10_000, 20);
  const members = descendants(child.pid!);
  expect(members).toHaveLength(1);
  return { child, members };
}

describe("stopProcessGroup", () => {
  it("returns only once the processes the child started are gone, not just the child", async () => {
    // Like `next dev`: a moment of cleanup after SIGTERM, while sh dies at once.
    const { child, members } = await shellRunningNode("setTimeout(() => process.exit(0), 700);");
    await stopProcessGroup(child);
    expect(members.filter(isAlive)).toEqual([]);
  });

  it("kills, after the grace period, a process that ignores SIGTERM", async () => {
    const { child, members } = await shellRunningNode("");
    const started = Date.now();
    await stopProcessGroup(child, 300);
    expect(members.filter(isAlive)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
