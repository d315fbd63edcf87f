import pg from "pg";

/** The pool would not hand out a connection in time: retry soon, nothing was done. */
export class PoolBusyError extends Error {
  override name = "PoolBusyError";
  readonly code = "POOL_BUSY";
  constructor(reason: string) {
    super(`Database pool busy: ${reason}`);
  }
}

export interface AdmissionLimits {
  /** Connections handed out at once (the pool's size). */
  max: number;
  /** Callers that may wait for one; more are refused at once. */
  queueMax: number;
  /** How long a caller waits before it is refused. */
  waitMs: number;
}

/**
 * A counting gate with a bounded queue and a bounded wait. pg's Pool queues without
 * limit and bounds that wait with connectionTimeoutMillis, the same setting that
 * bounds opening a connection, and its refusal reads like an outage. In front of the
 * pool, this gate keeps pg's own queue empty and says "busy" instead, quickly.
 */
export class AdmissionGate {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limits: AdmissionLimits) {}

  /** Waits for a turn; call the returned function once to give it back. */
  async enter(): Promise<() => void> {
    if (this.#active < this.limits.max && this.#waiting.length === 0) {
      this.#active++;
      return this.#leaveOnce();
    }
    if (this.#waiting.length >= this.limits.queueMax) throw new PoolBusyError(`${this.#waiting.length} callers already waiting`);
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        reject(new PoolBusyError(`no connection free within ${this.limits.waitMs} ms`));
      }, this.limits.waitMs);
      this.#waiting.push(grant);
    });
    // The turn was handed over by the caller that left: #active already counts it.
    return this.#leaveOnce();
  }

  #leaveOnce(): () => void {
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    };
  }
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * pg's Pool behind an AdmissionGate. Every checkout goes through `connect` (pg's own
 * `query` calls it too), and a checkout's `release` gives its turn back.
 */
export class GatedPool extends pg.Pool {
  readonly #gate: AdmissionGate;

  constructor(config: pg.PoolConfig & { max: number; queueMax: number; waitMs: number }) {
    const { queueMax, waitMs, ...poolConfig } = config;
    super(poolConfig);
    this.#gate = new AdmissionGate({ max: config.max, queueMax, waitMs });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const checkout = this.#checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }

  async #checkout(): Promise<pg.PoolClient> {
    const leave = await this.#gate.enter();
    let client: pg.PoolClient;
    try {
      client = await super.connect();
    } catch (error) {
      leave();
      throw error;
    }
    // pg sets a fresh release on every checkout; this one also gives the turn back.
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      try {
        release(error);
      } finally {
        leave();
      }
    };
    return client;
  }
}

// Prisma and the adapter wrap driver errors a level or two deep; a failed query keeps
// the driver's error (e.g. PgBouncer's 08P01 query_wait_timeout) under meta.driverAdapterError.
function* chain(error: unknown): Generator<unknown> {
  for (let depth = 0; error !== undefined && error !== null && depth < 5; depth++) {
    yield error;
    const link = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    error = link.cause ?? link.meta?.driverAdapterError;
  }
}

const text = (error: unknown) => (error instanceof Error ? error.message : typeof error === "string" ? error : "");

/** True when the pool refused to wait for a connection (PoolBusyError, however wrapped). */
export function isPoolBusy(error: unknown): boolean {
  return [...chain(error)].some((link) => link instanceof PoolBusyError || /Database pool busy:/.test(text(link)));
}

// Prisma's codes for "cannot reach / lost / timed out talking to the server" and
// "the server has no connection slots left".
const unavailableCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown,
// crash recovery, cannot connect now), and 53300 (too many connections).
const unavailableSqlState = /^(08|57P)|^53300$/;
// pg's and Prisma's own phrases only: a bare ECONNREFUSED may be Redis or a payment
// provider, which are not "the database is unavailable".
const unavailableMessage =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Server has closed the connection|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|too many clients already|remaining connection slots are reserved/i;

/**
 * True when PostgreSQL cannot be reached or dropped the connection: refused, timed
 * out, terminated, shutting down, out of connection slots, or our pool already ended.
 * A caller should answer "unavailable, retry later", not "internal error".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return [...chain(error)].some((link) => {
    const { code, meta } = (link ?? {}) as { code?: unknown; meta?: { code?: unknown } };
    if (typeof code === "string" && (unavailableCodes.has(code) || unavailableSqlState.test(code))) return true;
    if (typeof meta?.code === "string" && unavailableSqlState.test(meta.code)) return true;
    return unavailableMessage.test(text(link));
  });
}
