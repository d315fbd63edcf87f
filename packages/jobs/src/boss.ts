import { JOB_SCHEMA } from "@shop/db";
import { PgBoss, type ConstructorOptions } from "pg-boss";
import { queueSettings, type QueueSettings } from "./queues";

/**
 * A pg-boss instance on the shop's job schema. It never installs or upgrades the
 * schema itself (`pnpm db:migrate` does): a worker that finds it missing or at
 * another version fails at start-up instead of migrating under a running fleet.
 */
export function createJobBoss(options: Omit<ConstructorOptions, "schema" | "migrate">): PgBoss {
  return new PgBoss({ ...options, schema: JOB_SCHEMA, migrate: false });
}

/**
 * Creates every queue that does not exist yet; with `update`, also applies the
 * settings in code to queues that do (the worker does, so a changed retry limit
 * reaches an existing database). Creating is idempotent and safe across processes.
 */
export async function ensureQueues(
  boss: PgBoss,
  settings: Partial<Record<string, QueueSettings>> = queueSettings,
  { update = false }: { update?: boolean } = {},
): Promise<void> {
  for (const [name, queue = {}] of Object.entries(settings)) {
    if (update && (await boss.getQueue(name))) {
      // Policy and partitioning are fixed when a queue is created; the rest may change.
      const { policy: _policy, partition: _partition, ...changeable } = queue;
      await boss.updateQueue(name, changeable);
    } else {
      await boss.createQueue(name, queue);
    }
  }
}
