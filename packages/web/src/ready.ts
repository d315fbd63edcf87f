import { OUTAGE_RETRY_AFTER_SECONDS } from "@shop/api";
import { getPrisma, isPoolBusy, logger } from "@shop/db";

// A load balancer's own check has a timeout too; answering first says why.
const ANSWER_WITHIN_MS = 2_000;

/** Why this process cannot serve, or null when it can. */
async function notReadyReason(): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`the database did not answer within ${ANSWER_WITHIN_MS} ms`), ANSWER_WITHIN_MS);
  });
  // One cheap query proves PostgreSQL answers and the schema was migrated: the table
  // exists and no migration is left half-applied (a failed `migrate deploy`).
  const check = getPrisma()
    .$queryRaw<{ unfinished: bigint }[]>`SELECT count(*) AS unfinished FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL`
    .then(
      ([row]) => (row?.unfinished ? "a database migration is unfinished" : null),
      (error: unknown) => {
        // A busy pool is a saturated, healthy instance: taking it out of rotation would
        // only pile its traffic onto the others. The API sheds that load itself (429).
        if (isPoolBusy(error)) return null;
        logger.warn({ err: error }, "not ready: database check failed");
        return "the database is unavailable";
      },
    );
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /api/ready` for a load balancer or orchestrator: 200 while this process can
 * serve (PostgreSQL answers, migrations applied), else 503 with Retry-After. Redis
 * is not asked: without it the shop serves from PostgreSQL (`health.check` reports
 * that as "degraded").
 */
export async function readinessHandler(): Promise<Response> {
  const reason = await notReadyReason();
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (reason === null) return Response.json({ status: "ready" }, { headers });
  headers.set("Retry-After", String(OUTAGE_RETRY_AFTER_SECONDS));
  return Response.json({ status: "unavailable", reason }, { status: 503, headers });
}
