import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { logLevel } from "./env";

/**
 * pino's error serializer, minus the objects some errors carry: node-pg attaches its whole
 * client (config, buffers, type parsers) to a connection's errors, which turned one warning
 * into several kilobytes of JSON.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { client: _client, connection: _connection, ...rest } = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { client?: unknown; connection?: unknown };
  return rest;
}

const loggerOptions = (): LoggerOptions => ({ name: "shop", level: logLevel(), serializers: { err: serializeError } });

/** A logger like the shop's, writing to `destination` (tests read what it writes). */
export const createLogger = (destination: DestinationStream, level?: LoggerOptions["level"]): Logger => pino({ ...loggerOptions(), ...(level && { level }) }, destination);

/** Structured JSON logs (pino); pipe through `pino-pretty` locally for colour. */
export const logger: Logger = pino(loggerOptions());

export type { Logger };
