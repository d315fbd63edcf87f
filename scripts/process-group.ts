import type { ChildProcess } from "node:child_process";

/** Signals every process of the group led by `pid`; false once no process is left in it. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    // ESRCH: the group is empty.
    return false;
  }
}

/**
 * Stops a child spawned with `detached: true` and everything it started (its process
 * group: pnpm, Next.js's server behind it…): SIGTERM, then SIGKILL after `graceMs`.
 * Returns once the whole group is gone, not just the child: `sh -c "next dev"` dies on
 * SIGTERM at once while the `next dev` it started is still shutting down.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (!pid || !signalGroup(pid, "SIGTERM")) return;
  const killAt = Date.now() + graceMs;
  // Bounded after the SIGKILL too: a zombie nobody reaps (a container whose PID 1 does
  // not) still counts as a member, and would keep this waiting for ever.
  const giveUpAt = killAt + 1_000;
  let killed = false;
  while (signalGroup(pid, 0) && Date.now() < giveUpAt) {
    if (!killed && Date.now() >= killAt) {
      signalGroup(pid, "SIGKILL");
      killed = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
