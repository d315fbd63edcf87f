import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pollUntil } from "@shop/db/testing";

const root = join(import.meta.dirname, "..", "..", "..", "..");

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it printed (pino JSON lines), for assertions and failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the worker has started its queues; fails if it exits first or takes too long. */
  started(timeoutMs?: number): Promise<void>;
}

/**
 * Starts a worker process: `entry` (the real one by default) under Node with tsx's
 * loader, like `pnpm worker`, and not through the tsx CLI, which would run it in a
 * child process that a SIGKILL to the CLI leaves running. `detached` gives it its own
 * process group, for stopProcessGroup.
 */
export function spawnWorker(
  options: { entry?: string; env?: Record<string, string | undefined>; detached?: boolean } = {},
): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", options.entry ?? "apps/worker/src/main.ts"], {
    cwd: root,
    // Info level at least: start-up is read from the log.
    env: { ...process.env, ...options.env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    started: (timeoutMs = 30_000) =>
      pollUntil("the worker to start", () => {
        if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}:\n${output}`);
        return output.includes('"msg":"worker started"');
      }, timeoutMs).then(() => undefined),
  };
}
