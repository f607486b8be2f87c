import type { Transport } from "./client-core.ts";
import { SdkError } from "./errors.ts";

export interface TransportOptions {
  /** A fetch implementation to use instead of the global one (undici's with a proxy agent, a test double, an edge runtime's). */
  fetch?: Fetch | undefined;
}

/**
 * A fetch the client can call: what it passes and what it reads, and nothing of any one runtime's
 * declarations, so that Node's global fetch, undici's, Bun's, node-fetch and a plain test double all fit.
 */
export type Fetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** What the client passes a fetch of its own: the attempt's method, headers, body and signal; it follows redirects itself. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body: string | Blob | null;
  signal: AbortSignal;
  redirect: "manual";
}

/** What the client reads of the response; `withResponse()` hands back the fetch's own. */
export interface FetchResponse {
  readonly status: number;
  readonly type?: string;
  readonly headers: { get(name: string): string | null; forEach(each: (value: string, name: string) => void): void };
  text(): Promise<string>;
  blob(): Promise<unknown>;
}

/** What `withResponse()` hands back: the platform's own Response (its body already read). */
export type RawResponse = Response;

/** The variant, as the User-Agent names it. */
export const TRANSPORT_NAME = "fetch";

export function createTransport(options: TransportOptions): Transport {
  return async (request) => {
    const fetchImpl: Fetch = options.fetch ?? globalThis.fetch;
    let dispatcher = options.fetch ? undefined : nodeDispatcher(request.timeout);
    // A promise only on the first call; from Node's own fetch, so of another realm under a sandbox (not `instanceof Promise`).
    if (dispatcher && "then" in dispatcher) dispatcher = await dispatcher;
    const { body } = request;
    // Node's own fetch (undici) streams an upload in pieces rather than copy it whole; the stream,
    // duplex and dispatcher are its options, outside the standard RequestInit.
    const streamed = dispatcher !== undefined && typeof body === "object";
    const init: FetchInit = {
      method: request.method,
      headers: streamed ? { ...request.headers, "content-length": String(body.size) } : request.headers,
      body: typeof body === "object" ? (streamed ? null : body.blob()) : (body ?? null),
      signal: request.signal,
      // The client follows redirects itself, so that credentials never reach another origin.
      redirect: "manual",
    };
    if (streamed) Object.assign(init, { body: body.stream(), duplex: "half" });
    if (dispatcher) Object.assign(init, { dispatcher });
    // A fetch of the caller's own returns a Response of its runtime's kind (undici's, Bun's): one in behaviour.
    const response = (await fetchImpl(request.url, init)) as Response;
    if (response.type === "opaqueredirect") {
      throw new SdkError(
        `the server redirected ${request.method} ${new URL(request.url).pathname}, and this runtime hides where to (browsers do), so it was not followed`,
      );
    }
    return {
      status: response.status,
      headers: response.headers,
      raw: response,
      text: () => response.text(),
      blob: () => response.blob(),
    };
  };
}

/** Where undici (Node's fetch, and the `undici` package) keeps the dispatcher every fetch uses by default. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

interface Dispatcher {
  dispatch(options: Record<string, unknown>, handler: unknown): boolean;
}

/**
 * In Node, a dispatcher that sends through the global one (so a proxy or mock set with
 * `setGlobalDispatcher` still applies) with its header and body timeouts, 300 s by default,
 * raised past the attempt's: a longer `timeout` must not be cut short by the transport. Elsewhere
 * (Deno, Bun, browsers, edge runtimes) undefined. A promise only before Node has made its global
 * dispatcher; after that, the one made last while the global and the timeout stay the same.
 */
function nodeDispatcher(timeout: number): Dispatcher | undefined | Promise<Dispatcher | undefined> {
  const node = globalThis as { process?: { versions?: Record<string, string | undefined> } } & Record<symbol, unknown>;
  if (!node.process?.versions?.["undici"]) return undefined;
  const global = node[GLOBAL_DISPATCHER] as Dispatcher | undefined;
  if (!global) {
    // Node creates its dispatcher on the first fetch; a data: URL creates it without a connection.
    dispatcherCreated ??= globalThis.fetch("data:,").then(
      (response) => void response.arrayBuffer(),
      () => undefined,
    );
    return dispatcherCreated.then(() => (node[GLOBAL_DISPATCHER] ? nodeDispatcher(timeout) : undefined));
  }
  if (typeof global.dispatch !== "function") return undefined;
  if (raised?.global !== global || raised.timeout !== timeout) {
    const limit = timeout + 1000;
    const dispatcher: Dispatcher = {
      // fetch builds these options for this one dispatch: set on them, not copied (a copy costs 5 % of a small call).
      dispatch: (options, handler) =>
        global.dispatch(Object.assign(options, { headersTimeout: limit, bodyTimeout: limit }), handler),
    };
    raised = { global, timeout, dispatcher };
  }
  return raised.dispatcher;
}

/** Made once per global dispatcher and timeout: a new one on every call costs 1 % of a small call. */
let raised: { global: Dispatcher; timeout: number; dispatcher: Dispatcher } | undefined;
let dispatcherCreated: Promise<void> | undefined;
