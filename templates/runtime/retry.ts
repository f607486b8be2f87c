/** Statuses worth another attempt: the server asked to slow down, or is briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or undefined when the server asks for a
 * longer wait than `maxWait` (the caller then surfaces the error rather than hang). `Retry-After`
 * is honoured in both its forms (seconds, HTTP date); without it the wait backs off
 * exponentially from 0.5 s to 8 s with up to 25 % jitter.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  maxWait: number,
  now: number = Date.now(),
): number | undefined {
  const requested = parseRetryAfter(retryAfter, now);
  if (requested !== undefined) return requested > maxWait ? undefined : requested;
  const base = Math.min(500 * 2 ** attempt, 8000);
  return Math.round(base * (1 - Math.random() * 0.25));
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
