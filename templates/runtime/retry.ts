import type { RootCause } from "./errors.ts";

/** Methods whose repetition changes nothing on the server (RFC 9110 §9.2.2); a paid POST is not one. */
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Failures before any connection existed (besides those of a `connect` or DNS system call): the server cannot have seen the request. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** A transport's own time limits: the server had the request, and waiting again would not help. */
const TIMED_OUT = new Set(["ETIMEDOUT", "ECONNABORTED", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/**
 * Whether a request whose connection failed before any status line arrived may be sent again:
 * when no connection was ever made, or when repeating it is harmless; never after a transport's
 * own time limit, since the server had the request.
 */
export function mayResend(method: string, { code, syscall }: RootCause): boolean {
  if (syscall === "connect" || syscall === "getaddrinfo" || (code !== undefined && NOT_CONNECTED.has(code)))
    return true;
  if (code !== undefined && TIMED_OUT.has(code)) return false;
  return IDEMPOTENT.has(method);
}

/** Statuses worth another attempt: the server asked to slow down, or is briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/** The first backoff step, and the wait for a `Retry-After` date already past. */
const MIN_DELAY = 500;

/**
 * Milliseconds to wait before attempt `attempt + 1`, or undefined when the server asks for a
 * longer wait than `maxWait` (the caller then surfaces the error rather than hang). `Retry-After`
 * is honoured in its two forms only (whole seconds, an HTTP date; a past date waits the minimum);
 * otherwise the wait backs off exponentially from 0.5 s to 8 s with up to 25 % jitter.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  maxWait: number,
  now: number = Date.now(),
): number | undefined {
  const requested = parseRetryAfter(retryAfter, now);
  if (requested !== undefined) return requested > maxWait ? undefined : requested;
  const base = Math.min(MIN_DELAY * 2 ** attempt, 8000);
  return Math.round(base * (1 - Math.random() * 0.25));
}

/** HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms recipients must accept. */
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/** `Retry-After` in milliseconds: a non-negative integer of seconds or an HTTP date, nothing else (`-5`, `1.5`, `soon`: undefined). */
function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.some((form) => form.test(text))) return undefined;
  const date = Date.parse(text.endsWith("GMT") ? text : `${text} GMT`);
  if (Number.isNaN(date)) return undefined;
  return date > now ? date - now : MIN_DELAY;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
