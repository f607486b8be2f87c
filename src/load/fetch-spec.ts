/** A spec named by an http(s) URL rather than a path. */
export function isSpecUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/**
 * How a spec URL appears in messages and file headers: origin and path only. User info and the
 * query are dropped, since a token there must not reach a log or a committed file.
 */
export function displayUrl(spec: string): string {
  try {
    const url = new URL(spec);
    return `${url.origin}${url.pathname}`;
  } catch {
    return spec.replace(/[?#].*$/, "");
  }
}

export const DEFAULT_FETCH_TIMEOUT = 30_000;

const timedOut = (timeout: number) => `no answer within ${timeout / 1000} s (--fetch-timeout sets the limit)`;

/**
 * Reads a spec from a URL: redirects followed, the whole exchange within `timeout` ms. A status
 * other than 2xx, an HTML page or an unreachable server is a clear failure (`fail` throws).
 */
export async function fetchSpec(spec: string, timeout: number, fail: (message: string) => never): Promise<{ bytes: Buffer; url: string }> {
  const signal = AbortSignal.timeout(timeout);
  let response: Response;
  let bytes: Buffer;
  try {
    response = await fetch(spec, { signal, headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.5" } });
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (signal.aborted) return fail(timedOut(timeout));
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return fail(`cannot fetch the spec: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const url = response.url || spec;
  const where = url === spec ? "" : ` (redirected to ${displayUrl(url)})`;
  if (response.status < 200 || response.status >= 300) {
    return fail(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${where}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (/^text\/html\b/i.test(type) || /^\s*<(?:!doctype|html)\b/i.test(bytes.subarray(0, 512).toString("utf8"))) {
    return fail(`the server sent an HTML page, not an OpenAPI document${where}; is this the spec's own URL, such as /openapi.json?`);
  }
  return { bytes, url };
}
