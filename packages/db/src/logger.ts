import { pino, type Logger } from "pino";
import { logLevel } from "./env";

/** Structured JSON logs (pino); pipe through `pino-pretty` locally for colour. */
export const logger: Logger = pino({ name: "shop", level: logLevel() });
