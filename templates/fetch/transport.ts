import type { Transport } from "./client-core.ts";

export interface TransportOptions {
  /** A fetch implementation to use instead of the global one (a proxy agent, a test double, an edge runtime's). */
  fetch?: typeof fetch;
}

/** What `withResponse()` hands back: the platform's own Response (its body already read). */
export type RawResponse = Response;

export function createTransport(options: TransportOptions): Transport {
  return async (request) => {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: request.signal,
    });
    return {
      status: response.status,
      headers: response.headers,
      raw: response,
      text: () => response.text(),
      blob: () => response.blob(),
    };
  };
}
