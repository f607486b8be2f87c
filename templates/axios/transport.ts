import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { Transport } from "./client-core.ts";
import { blobOf } from "./uploads.ts";

export interface TransportOptions {
  /** Your own axios instance: its interceptors, proxy and agent settings apply to every request. */
  axios?: AxiosInstance | undefined;
}

/** What `withResponse()` hands back as `response`: axios's own response (its body already read). */
export type RawResponse = AxiosResponse<ArrayBuffer>;

/** The variant, as the User-Agent names it. */
export const TRANSPORT_NAME = "axios";

export function createTransport(options: TransportOptions): Transport {
  let instance = options.axios;
  return async (request) => {
    instance ??= axios.create();
    let response: RawResponse;
    try {
      response = await instance.request<ArrayBuffer>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        // In Node, axios streams anything shaped as a Blob, as a Payload is, piece by piece: the upload is never copied whole.
        data: typeof request.body === "object" && !inNode() ? request.body.blob() : request.body,
        signal: request.signal,
        // The client reads every status itself, and parses bodies itself, as the fetch variant does.
        validateStatus: () => true,
        responseType: "arraybuffer",
        transformResponse: [(data: unknown) => data],
        // The client's timeout governs (it aborts through signal); an instance's shorter one must not cut it short.
        timeout: request.timeout + 1000,
        // Redirects are followed by the client, which drops credentials when the origin changes.
        maxRedirects: 0,
        // -1 is axios's "no limit"; any other value adds a byte-counting stage to every upload.
        maxBodyLength: -1,
        maxContentLength: -1,
      });
    } catch (error) {
      // axios reads the body before it settles: a failure after the status line arrived must still
      // report that status (the server did the work, so it is not retried), as fetch does.
      if (!axios.isAxiosError<ArrayBuffer>(error)) throw error;
      const answered = error.response ?? answeredBeforeFailure(error.request);
      if (!answered) throw error;
      const failed = () => Promise.reject(error);
      return {
        status: answered.status,
        headers: toHeaders(answered.headers),
        raw: answered,
        text: failed,
        blob: failed,
      };
    }
    const bytes = new Uint8Array(response.data);
    const headers = toHeaders(response.headers);
    return {
      status: response.status,
      headers,
      raw: response,
      text: async () => new TextDecoder().decode(bytes),
      blob: async () => blobOf([bytes], headers.get("content-type") ?? undefined),
    };
  };
}

/** Whether axios sends through Node's http module, by axios's own test: no XMLHttpRequest, and a real `process`. */
function inNode(): boolean {
  const { process, XMLHttpRequest } = globalThis as { process?: unknown; XMLHttpRequest?: unknown };
  return XMLHttpRequest === undefined && Object.prototype.toString.call(process) === "[object process]";
}

/** The status and headers Node's request had received when its connection failed (axios then reports no response). */
function answeredBeforeFailure(request: unknown): RawResponse | undefined {
  const received = (request as { res?: { statusCode?: number; headers?: RawResponse["headers"] } } | undefined)?.res;
  if (typeof received?.statusCode !== "number") return undefined;
  return { status: received.statusCode, headers: received.headers ?? {} } as RawResponse;
}

function toHeaders(source: AxiosResponse["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(source ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, String(item));
  }
  return headers;
}
