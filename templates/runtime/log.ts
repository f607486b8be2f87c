import { SdkError } from "./errors.ts";

/** How much the client tells its logger: each level includes the ones before it. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** What the client writes to: `console`, or any object with these methods (pino, winston, a test's recorder). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/** Writes one line at a level, or nothing below the client's level; every line is redacted first. */
export type Log = ((level: Exclude<LogLevel, "off">, message: string) => void) & {
  /** Whether a line at `level` is written: callers skip building the ones that are not. */
  enabled(level: Exclude<LogLevel, "off">): boolean;
  /**
   * Text from a request or response as a debug line shows it: redacted, then cut to `max` characters,
   * then quoted, in that order, so that no piece of a secret survives at the cut or behind an escape.
   */
  quote(text: string, max?: number): string;
};

/** The most of a body a debug line shows, in characters. */
const MAX_LOGGED_TEXT = 2_000;

function isLogLevel(value: unknown): value is LogLevel {
  return LEVELS.includes(value as LogLevel);
}

/**
 * The client's log: `level` from the option (checked), else from the environment variable (a value
 * that is no level is reported once, and logging stays off), else off.
 */
export function createLog(
  level: LogLevel | undefined,
  fromEnv: { name: string; value: string | undefined } | undefined,
  logger: Logger,
  prefix: string,
  redact: (text: string) => string,
): Log {
  if (level !== undefined && !isLogLevel(level)) {
    throw new SdkError(`logLevel must be ${LEVELS.join(", ").replace(/, (?=[^,]*$)/, " or ")}, not ${String(level)}`);
  }
  let chosen: LogLevel = level ?? "off";
  if (level === undefined && fromEnv?.value !== undefined) {
    const value = fromEnv.value.trim().toLowerCase();
    if (isLogLevel(value)) chosen = value;
    else
      logger.warn(
        `${prefix} ${fromEnv.name}=${JSON.stringify(fromEnv.value)} is not a log level (${LEVELS.join(", ")}); logging stays off`,
      );
  }
  const rank = LEVELS.indexOf(chosen);
  const on = { error: rank >= 1, warn: rank >= 2, info: rank >= 3, debug: rank >= 4 };
  const enabled = (at: Exclude<LogLevel, "off">) => on[at];
  const log = (at: Exclude<LogLevel, "off">, message: string) => {
    if (!enabled(at)) return;
    try {
      logger[at](redact(`${prefix} ${message}`));
    } catch {
      // A logger that throws must not fail the call (nor lose a paid result): the line is lost instead.
    }
  };
  const quote = (text: string, max = MAX_LOGGED_TEXT) => {
    const redacted = redact(text);
    return JSON.stringify(redacted.length > max ? `${redacted.slice(0, max)}…` : redacted);
  };
  return Object.assign(log, { enabled, quote });
}
