import { ApiPromise } from "./api-promise.ts";
import {
  ApiAbortError,
  ApiConnectionError,
  ApiTimeoutError,
  SdkError,
  createApiError,
  requestIdOf,
  rootCause,
  rootCauseText,
  type ApiError,
} from "./errors.ts";
import type { BodySpec, PreparedBody } from "./bodies.ts";
import type { Payload } from "./payload.ts";
import { createLog, type Log, type Logger, type LogLevel } from "./log.ts";
import { ownValue } from "./multipart.ts";
import { formStyle, scalarText, type QueryStyle } from "./query.ts";
import { sendFollowingRedirects } from "./redirects.ts";
import { isRetryableStatus, mayResend, retryDelay, sleep } from "./retry.ts";
import { TRANSPORT_NAME, createTransport, type RawResponse, type TransportOptions } from "./transport.ts";

/**
 * [key in the params object, location, wire details] for each non-body parameter. The wire name
 * defaults to the key; a query parameter's style to `form`, and explode to OpenAPI's default.
 */
export type ParamSpec = readonly [
  key: string,
  location: "path" | "query" | "header",
  wire?: { name?: string; style?: QueryStyle; explode?: boolean },
];

/** Everything the client needs to know about one operation; generated from the spec. */
export interface OperationSpec {
  method: string;
  /** The path template under the base URL; with `url`, what errors call the request. */
  path: string;
  /**
   * An absolute URL requested as it is, instead of `path` under the base URL: a link the API handed
   * out (a result image). It goes without the client's credentials and headers, which are the API's.
   */
  url?: string;
  params?: readonly ParamSpec[];
  body?: BodySpec;
  response: "json" | "text" | "binary" | "void";
  /**
   * The credentials that authorise a call: alternatives, each a list of indexes into the client's
   * `credentials` sent together; `true` is the client's default `security`.
   */
  auth?: true | readonly (readonly number[])[];
}

/** One security scheme the client sends; `options` name the client options holding its secrets. */
export type Credential = { options: readonly string[]; env?: readonly (string | undefined)[] } & (
  { kind: "apiKey"; in: "header" | "query" | "cookie"; name: string } | { kind: "bearer" } | { kind: "basic" }
);

/** What the generated client fixes from the spec and configuration. */
export interface ClientDefaults {
  credentials?: readonly Credential[];
  /** The requirement of operations that say `auth: true`. */
  security?: readonly (readonly number[])[];
  /** The server URL, with `{variable}`s filled from `serverVariables`. */
  baseUrl?: string;
  serverVariables?: Record<string, { default: string; enum?: readonly string[] }>;
  /** The environment variable that sets `logLevel` when the option does not (`IDEOGRAM_LOG`). */
  logEnv?: string;
  /** What log lines start with, in brackets: the client's name. */
  logName?: string;
  /** The generator and its version (`ideogram-codegen/0.1.0`), with which the User-Agent begins. */
  generator?: string;
}

export interface CoreOptions {
  baseUrl?: string | undefined;
  /** Values for the variables of the spec's server URL (`https://{region}.example.com`); each has a default. */
  serverVariables?: Record<string, string | undefined> | undefined;
  /** Milliseconds for each attempt, response body included. Default 300 000 (5 minutes). */
  timeout?: number | undefined;
  /** Retries after 429, 503 or a connection failure. Default 2. */
  maxRetries?: number | undefined;
  /** Longest `Retry-After` wait honoured, in milliseconds; a longer one surfaces the error. Default 60 000. */
  maxRetryAfter?: number | undefined;
  /** Sent with every request. */
  headers?: Record<string, string> | undefined;
  /**
   * What the client logs: `error` (a call that failed), `warn` (a retry, with its reason and wait),
   * `info` (every attempt: method, URL, status, time, request id), `debug` (headers and bodies).
   * Credentials never appear. Default `off`, or the level the client's environment variable names.
   */
  logLevel?: LogLevel | undefined;
  /** Where log lines go: `console` by default, or any object with `error`, `warn`, `info` and `debug`. */
  logger?: Logger | undefined;
}

export type ClientOptions = CoreOptions & TransportOptions;

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string> | undefined;
}

/** A request as the transport sends it. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** A string, or a `Payload` the transport sends as a stream where it can (Node), else as a Blob. */
  body: Payload | string | undefined;
  signal: AbortSignal;
  /** The attempt's timeout in milliseconds, which the client enforces through `signal`; a transport with limits of its own raises them to this. */
  timeout: number;
}

/** A response as the transport hands it back; the body is read within the attempt's timeout. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  raw: RawResponse;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A 2xx response as the client hands it to an `ApiPromise`: the body is read on demand. */
export interface Answer {
  response: TransportResponse;
  /** Reads and parses the body within the attempt's timeout. */
  read(): Promise<unknown>;
  /** Gives up reading: the caller takes the unread response, and the client's timeout ends. */
  release(): void;
}

const DEFAULT_TIMEOUT = 300_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_AFTER = 60_000;

type Params = Record<string, unknown>;

/** What authorises a call: headers to send and `name=value` query pairs (already encoded); never changed once made. */
type Authorization = { readonly headers: Readonly<Record<string, string>>; readonly query: readonly string[] };

/** Configuration, credentials and the request pipeline; the generated client extends it. */
export class ClientCore {
  readonly #credentials: readonly Credential[];
  /** Each credential's secrets, by option: given, or read from its environment variable. */
  readonly #secrets: readonly (readonly (string | undefined)[])[];
  readonly #security: readonly (readonly number[])[];
  /** Every secret the client holds, and the encoded forms it sends (Basic's base64), longest first: what redaction removes. */
  readonly #secretTexts: readonly string[];
  readonly #baseUrl: string;
  readonly #timeout: number;
  readonly #maxRetries: number;
  readonly #maxRetryAfter: number;
  readonly #headers: Record<string, string>;
  readonly #transport: Transport;
  readonly #log: Log;
  /** Sent outside browsers (which send their own); a `user-agent` in `headers` replaces it. */
  readonly #userAgent: string | undefined;
  #defaultAuth: Authorization | undefined;

  constructor(options: ClientOptions, defaults: ClientDefaults) {
    this.#credentials = defaults.credentials ?? [];
    this.#secrets = this.#credentials.map((credential) =>
      credential.options.map((option, i) => {
        const given = (options as Record<string, unknown>)[option];
        const env = credential.env?.[i];
        return typeof given === "string" && given ? given : env ? readEnv(env) : undefined;
      }),
    );
    this.#security = defaults.security ?? [];
    this.#secretTexts = secretTexts(this.#credentials, this.#secrets);
    checkOptions(options, "");
    this.#baseUrl = baseUrlOf(options, defaults).replace(/\/+$/, "");
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.#maxRetryAfter = options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
    this.#headers = lowerKeys(options.headers ?? {});
    this.#transport = createTransport(options);
    const runtime = serverRuntime();
    this.#userAgent =
      runtime && defaults.generator ? `${defaults.generator} (${TRANSPORT_NAME}; ${runtime})` : undefined;
    const fromEnv = defaults.logEnv ? { name: defaults.logEnv, value: readEnv(defaults.logEnv) } : undefined;
    const logger = options.logger ?? (globalThis as { console: Logger }).console;
    this.#log = createLog(options.logLevel, fromEnv, logger, `[${defaults.logName ?? "client"}]`, (text) =>
      this.#redactText(text),
    );
  }

  /** Sends one operation; generated functions call this. */
  request<T>(operation: OperationSpec, params?: object, options?: RequestOptions): ApiPromise<T> {
    const answer = this.#attempts(operation, (params ?? {}) as Params, options ?? {});
    return new ApiPromise(answer.catch((error: unknown) => Promise.reject(this.#failed(operation, error))));
  }

  /** The error a call ends with, redacted, and logged at `error`. */
  #failed({ method, path }: OperationSpec, error: unknown): unknown {
    const redacted = this.#redact(error);
    if (this.#log.enabled("error"))
      this.#log(
        "error",
        `${method} ${path} failed: ${String(redacted instanceof Error ? redacted.message : redacted)}`,
      );
    return redacted;
  }

  async #attempts(operation: OperationSpec, params: Params, options: RequestOptions): Promise<Answer> {
    const { method, path } = operation;
    if (options.signal?.aborted) throw new ApiAbortError(method, path, options.signal.reason);
    if ((options.timeout ?? options.maxRetries ?? (options as CoreOptions).maxRetryAfter) !== undefined) {
      checkOptions(options, `${method} ${path}: request option `);
    }
    const auth = operation.url === undefined ? this.#authorize(operation) : { headers: {}, query: [] };
    const url = operation.url ?? this.#url(operation, params, auth.query);
    const prepared = operation.body
      ? await untilAborted(prepareBody(operation.body, operation, params), options.signal, method, path)
      : undefined;
    const maxRetries = options.maxRetries ?? this.#maxRetries;
    const timeout = options.timeout ?? this.#timeout;

    for (let attempt = 0; ; attempt++) {
      const headers = this.#requestHeaders(operation, params, options, auth.headers);
      const body = prepared?.encode(headers);
      const timer = new AttemptTimer(timeout, options.signal);
      let handedOver = false;
      let failure: ApiError | ApiConnectionError;
      let retryAfter: string | null = null;
      let status: number | undefined;
      const started = this.#log.enabled("info") ? Date.now() : 0;
      if (this.#log.enabled("debug"))
        this.#log(
          "debug",
          `${method} ${url} attempt ${attempt + 1}: headers ${headersText(headers, this.#log)}, body ${bodyText(body, prepared, this.#log)}`,
        );
      try {
        const request = { method, url, headers, body, signal: timer.signal, timeout };
        const response = await sendFollowingRedirects(this.#transport, request, Object.keys(auth.headers));
        status = response.status;
        if (started)
          this.#log(
            "info",
            `${method} ${url} → ${status} in ${Date.now() - started} ms${requestIdText(response.headers)}`,
          );
        if (response.status >= 200 && response.status < 300) {
          handedOver = true;
          return this.#answer(operation, url, response, timer, options.signal);
        }
        const errorBody = await response.text();
        if (this.#log.enabled("debug"))
          this.#log("debug", `${method} ${url} → ${status}: body ${this.#log.quote(errorBody)}`);
        failure = this.#apiError(operation, response, errorBody);
        if (!isRetryableStatus(response.status)) throw failure;
        retryAfter = response.headers.get("retry-after");
      } catch (error) {
        if (started && status === undefined)
          this.#log("info", `${method} ${url} failed in ${Date.now() - started} ms: ${causeText(error)}`);
        const known = knownFailure(error, operation, timer, options.signal);
        if (known) throw known;
        // Sent again only when the server cannot have done the (paid) work: no status line arrived
        // (or it asked for a retry), and no connection was made or the method is idempotent.
        const resend = status === undefined ? mayResend(method, rootCause(error)) : isRetryableStatus(status);
        if (!resend) throw notSentAgain(error, operation, status);
        failure = new ApiConnectionError(method, path, error);
      } finally {
        if (!handedOver) timer.stop();
      }

      if (attempt >= maxRetries) throw failure;
      const delay = retryDelay(attempt, retryAfter, this.#maxRetryAfter);
      if (delay === undefined) throw failure;
      if (this.#log.enabled("warn")) {
        const reason =
          status === undefined
            ? `connection failed (${causeText(failure.cause)})`
            : `status ${status}${retryAfter === null ? "" : `, Retry-After ${retryAfter}`}`;
        this.#log("warn", `${method} ${path}: retry ${attempt + 1} of ${maxRetries} in ${delay} ms after ${reason}`);
      }
      try {
        await sleep(delay, options.signal);
      } catch (reason) {
        throw new ApiAbortError(method, path, reason);
      }
    }
  }

  /** A 2xx whose body is read when the caller asks for it, still within the attempt's timeout. */
  #answer(
    operation: OperationSpec,
    url: string,
    response: TransportResponse,
    timer: AttemptTimer,
    signal?: AbortSignal,
  ): Answer {
    return {
      response,
      read: async () => {
        try {
          const seen = this.#log.enabled("debug")
            ? (body: string | Blob) =>
                this.#log("debug", `${operation.method} ${url} → ${response.status}: body ${this.#shown(body)}`)
            : undefined;
          return await readBody(response, operation, (rawBody) => this.#apiError(operation, response, rawBody), seen);
        } catch (error) {
          throw this.#redact(
            knownFailure(error, operation, timer, signal) ?? notSentAgain(error, operation, response.status),
          );
        } finally {
          timer.stop();
        }
      },
      release: () => timer.stop(),
    };
  }

  #url(operation: OperationSpec, params: Params, authQuery: readonly string[]): string {
    let path = operation.path;
    const query: string[] = [];
    for (const [key, location, wire = {}] of operation.params ?? []) {
      const value = ownValue(params, key);
      const name = wire.name ?? key;
      if (location === "path") {
        path = path.split(`{${name}}`).join(encodeURIComponent(pathValue(operation, name, value)));
      } else if (location === "query" && value !== undefined && value !== null) {
        const style = wire.style ?? formStyle;
        query.push(...style(encodeURIComponent(name), value, wire.explode ?? style === formStyle));
      }
    }
    query.push(...authQuery);
    return `${this.#baseUrl}${path}${query.length ? `?${query.join("&")}` : ""}`;
  }

  #requestHeaders(
    operation: OperationSpec,
    params: Params,
    options: RequestOptions,
    authHeaders: Readonly<Record<string, string>>,
  ): Record<string, string> {
    const headers: Record<string, string> = {};
    if (operation.response === "json") headers["accept"] = "application/json";
    if (this.#userAgent) headers["user-agent"] = this.#userAgent;
    if (operation.url === undefined) Object.assign(headers, this.#headers);
    for (const [key, location, wire] of operation.params ?? []) {
      const value = ownValue(params, key);
      if (location === "header" && value !== undefined && value !== null) {
        headers[(wire?.name ?? key).toLowerCase()] = Array.isArray(value)
          ? value.map(scalarText).join(",")
          : scalarText(value);
      }
    }
    Object.assign(headers, authHeaders);
    if (options.headers) Object.assign(headers, lowerKeys(options.headers));
    return headers;
  }

  /**
   * The headers and query pairs that authorise the call: the first alternative of its requirement
   * (spec order) whose secrets the client has, anonymous access only when none is complete. Without
   * one, the call fails before anything is sent, naming what would do.
   */
  #authorize(operation: OperationSpec): Authorization {
    if (operation.auth !== true) return this.#authorizeFor(operation);
    // The client's default requirement, met the same way on every call: worked out once.
    this.#defaultAuth ??= this.#authorizeFor(operation);
    return this.#defaultAuth;
  }

  #authorizeFor(operation: OperationSpec): Authorization {
    const headers: Record<string, string> = {};
    const query: string[] = [];
    const alternatives = operation.auth === true ? this.#security : (operation.auth ?? []);
    if (alternatives.length === 0) return { headers, query };
    const complete = (alternative: readonly number[]) => alternative.every((i) => this.#secrets[i]!.every(Boolean));
    const chosen =
      alternatives.find((alternative) => alternative.length > 0 && complete(alternative)) ??
      alternatives.find((a) => a.length === 0);
    if (!chosen) {
      const wanted = alternatives
        .map((alternative) => alternative.map((i) => this.#describe(i)).join(" and "))
        .join(", or ");
      throw new SdkError(`missing credentials for ${operation.method} ${operation.path}: pass ${wanted} to the client`);
    }
    for (const index of chosen) {
      const credential = this.#credentials[index]!;
      const [secret, password] = this.#secrets[index]! as string[];
      if (credential.kind === "bearer") headers["authorization"] = `Bearer ${secret}`;
      else if (credential.kind === "basic") headers["authorization"] = `Basic ${base64(`${secret}:${password}`)}`;
      else if (credential.in === "header") headers[credential.name.toLowerCase()] = secret!;
      else if (credential.in === "query")
        query.push(`${encodeURIComponent(credential.name)}=${encodeURIComponent(secret!)}`);
      else
        headers["cookie"] = [headers["cookie"], `${credential.name}=${encodeURIComponent(secret!)}`]
          .filter(Boolean)
          .join("; ");
    }
    return { headers, query };
  }

  /** How a caller supplies one credential: `apiKey (or set API_KEY …)`. */
  #describe(index: number): string {
    const credential = this.#credentials[index]!;
    return credential.options
      .map((option, i) => {
        const env = credential.env?.[i];
        return env ? `${option} (or set ${env} where the client may read it; Deno: --allow-env)` : option;
      })
      .join(" and ");
  }

  /**
   * The API key must never reach an error, even when a server echoes it back: message and stack
   * are redacted, and a connection error's `cause` chain (axios's holds the request config and
   * its headers) is replaced by plain errors keeping what diagnoses it: name, message and codes.
   */
  #redact(error: unknown): unknown {
    if (error instanceof Error) {
      error.message = this.#redactText(error.message);
      if (typeof error.stack === "string") error.stack = this.#redactText(error.stack);
      if (error instanceof ApiConnectionError && error.cause !== undefined)
        error.cause = this.#plainCause(error.cause, 0);
    }
    return error;
  }

  #plainCause(cause: unknown, depth: number): Error | undefined {
    // Not `instanceof Error`: a transport's errors may come from another realm (Node's own fetch under a sandbox).
    if (cause === null || typeof cause !== "object" || depth === 8) return undefined;
    const source = cause as Record<string, unknown>;
    const message = typeof source["message"] === "string" ? source["message"] : String(cause);
    const plain = new Error(this.#redactText(message));
    plain.name = typeof source["name"] === "string" ? source["name"] : "Error";
    plain.stack = this.#redactText(typeof source["stack"] === "string" ? source["stack"] : `${plain.name}: ${message}`);
    for (const key of ["code", "errno", "syscall"]) {
      const value = source[key];
      if (typeof value === "string" || typeof value === "number") Object.assign(plain, { [key]: value });
    }
    const next = this.#plainCause(source["cause"], depth + 1);
    if (next) plain.cause = next;
    return plain;
  }

  /** The error for a response: its status, headers and body (capped), with any echoed secret redacted. */
  #apiError({ method, path }: OperationSpec, response: TransportResponse, body: string): ApiError {
    const headers = new Headers();
    response.headers.forEach((value, name) => headers.append(name, this.#redactText(value)));
    // Redacted before it is cut, so that no part of a secret survives at the cut.
    const redacted = this.#redactText(body);
    const rawBody = redacted.length > MAX_RAW_BODY ? `${redacted.slice(0, MAX_RAW_BODY)}…` : redacted;
    return createApiError({ status: response.status, headers, rawBody, method, path });
  }

  /** A response body as the debug log shows it: a file's size and type, else its text. */
  #shown(body: string | Blob): string {
    if (typeof body !== "string") return sizeText(body);
    return body === "" ? "none" : this.#log.quote(body);
  }

  #redactText(text: string): string {
    for (const secret of this.#secretTexts) if (text.includes(secret)) text = text.split(secret).join("[redacted]");
    return text;
  }
}

/** A request's headers as a debug line shows them: JSON, each value redacted before it is quoted. */
function headersText(headers: Record<string, string>, log: Log): string {
  return `{${Object.entries(headers)
    .map(([name, value]) => `${JSON.stringify(name)}:${log.quote(value)}`)
    .join(",")}}`;
}

/** A request body as a debug line shows it: text, or the size and type of a binary or multipart payload and the parts it holds. */
function bodyText(body: Payload | string | undefined, prepared: PreparedBody | undefined, log: Log): string {
  if (body === undefined) return "none";
  if (typeof body === "string") return log.quote(body);
  const parts = prepared?.describe?.(log.quote);
  return `${sizeText(body)}${parts ? `: ${parts}` : ""}`;
}

/** A binary body's size and type, as debug lines show it. */
function sizeText({ size, type }: { size: number; type: string }): string {
  return `${size} bytes of ${type || "binary data"}`;
}

function requestIdText(headers: Headers): string {
  const id = requestIdOf(headers);
  return id ? ` (request id ${id})` : "";
}

function causeText(error: unknown): string {
  return rootCauseText(rootCause(error)) || "unknown error";
}

/** The longest response body an error keeps, in characters: enough for any error document, not a whole page of HTML. */
const MAX_RAW_BODY = 65_536;

/** setTimeout's limit: a longer delay fires at once, with a warning. */
const MAX_TIMER = 2_147_483_647;

/** The client's or a request's numeric options, checked before anything is sent (an Infinity timeout would fire at once). */
export function checkOptions(
  options: { timeout?: number | undefined; maxRetries?: number | undefined; maxRetryAfter?: number | undefined },
  where: string,
): void {
  const check = (name: string, value: unknown, valid: (n: number) => boolean, expected: string) => {
    if (value !== undefined && !(typeof value === "number" && valid(value))) {
      throw new SdkError(`${where}${name} must be ${expected}, not ${String(value)}`);
    }
  };
  check("timeout", options.timeout, (n) => n >= 1 && n <= MAX_TIMER, `milliseconds from 1 to ${MAX_TIMER}`);
  check("maxRetries", options.maxRetries, (n) => Number.isSafeInteger(n) && n >= 0, "a whole number, 0 or more");
  check("maxRetryAfter", options.maxRetryAfter, (n) => n >= 0 && n <= MAX_TIMER, `milliseconds from 0 to ${MAX_TIMER}`);
}

/** One attempt's deadline and cancellation: aborts `signal` when the caller aborts or `timeout` passes. */
class AttemptTimer {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #forward = () => this.#controller.abort(this.#caller?.reason);
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly timeout: number;
  timedOut = false;

  constructor(timeout: number, caller: AbortSignal | undefined) {
    this.timeout = timeout;
    this.#caller = caller;
    caller?.addEventListener("abort", this.#forward, { once: true });
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort();
    }, timeout);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#forward);
  }
}

/** The error for a failure the client itself caused or already described: its own errors, an abort, the timeout. */
function knownFailure(
  error: unknown,
  { method, path }: OperationSpec,
  timer: AttemptTimer,
  signal: AbortSignal | undefined,
): SdkError | undefined {
  if (error instanceof SdkError) return error;
  if (signal?.aborted) return new ApiAbortError(method, path, signal.reason);
  if (timer.timedOut) return new ApiTimeoutError(method, path, timer.timeout);
  return undefined;
}

/** A connection failure that may have cost the caller: it is reported, never repeated. */
function notSentAgain(error: unknown, { method, path }: OperationSpec, status: number | undefined): ApiConnectionError {
  const answer = status === undefined ? "the request may have been processed" : `the server had answered ${status}`;
  return new ApiConnectionError(method, path, error, { note: `${answer}, so it was not sent again` });
}

/** A path parameter's text: never missing, empty, `.` or `..`, which would send the call to another route. */
function pathValue(operation: OperationSpec, name: string, value: unknown): string {
  const text = value === undefined || value === null ? undefined : scalarText(value);
  if (text === undefined || text === "" || text === "." || text === "..") {
    const given = text === undefined ? "missing" : JSON.stringify(text);
    throw new SdkError(
      `${operation.method} ${operation.path}: path parameter ${name} is ${given}; it must name one resource`,
    );
  }
  return text;
}

/** Settles with `work`, or rejects as soon as the caller aborts (a stalled upload stream must not hang the call). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, method: string, path: string): Promise<T> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new ApiAbortError(method, path, signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function prepareBody(spec: BodySpec, operation: OperationSpec, params: Params): Promise<PreparedBody | undefined> {
  const value = spec.key ? ownValue(params, spec.key) : bodyFields(operation, params);
  return Promise.resolve(spec.kind(value, spec));
}

/** A flattened body: every params property that is not a parameter; undefined when there is none. */
function bodyFields(operation: OperationSpec, params: Params): Params | undefined {
  const parameterNames = new Set((operation.params ?? []).map(([key]) => key));
  const entries = Object.entries(params).filter(([key, value]) => !parameterNames.has(key) && value !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/**
 * Reads a 2xx body as the operation returns it; `notJson` makes the error for a body that should be
 * JSON and is not; `seen` (the debug log) gets what was read, text or file.
 */
async function readBody(
  response: TransportResponse,
  operation: OperationSpec,
  notJson: (rawBody: string) => SdkError,
  seen?: (body: string | Blob) => void,
): Promise<unknown> {
  if (operation.response === "binary") {
    const blob = await response.blob();
    seen?.(blob);
    return blob;
  }
  const text = await response.text();
  seen?.(text);
  switch (operation.response) {
    case "text":
      return text;
    case "void":
      return undefined;
    case "json": {
      if (text === "") return undefined;
      try {
        return JSON.parse(text);
      } catch {
        throw notJson(text);
      }
    }
  }
}

/** The configured base URL, else the spec's server with its variables filled in. */
function baseUrlOf(options: ClientOptions, defaults: ClientDefaults): string {
  if (options.baseUrl !== undefined) return options.baseUrl;
  if (defaults.baseUrl === undefined) {
    throw new SdkError(
      'baseUrl is required: this API\'s spec names no absolute server URL (pass e.g. baseUrl: "https://api.example.com")',
    );
  }
  return defaults.baseUrl.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = defaults.serverVariables?.[name];
    if (!variable) return whole;
    const value = options.serverVariables?.[name] ?? variable.default;
    if (variable.enum && !variable.enum.includes(value)) {
      throw new SdkError(
        `serverVariables.${name} must be one of ${variable.enum.map((v) => JSON.stringify(v)).join(", ")}`,
      );
    }
    return value;
  });
}

function secretTexts(
  credentials: readonly Credential[],
  secrets: readonly (readonly (string | undefined)[])[],
): string[] {
  const texts = secrets.flatMap((values, i) => {
    const given = values.filter((s): s is string => typeof s === "string" && s !== "");
    const encoded =
      credentials[i]!.kind === "basic" && given.length === 2 ? [base64(given.join(":")), given.join(":")] : [];
    return [...encoded, ...given, ...given.map(encodeURIComponent)];
  });
  return [...new Set(texts)].sort((a, b) => b.length - a.length);
}

/** Base64 of the UTF-8 bytes, as HTTP Basic credentials are sent. */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(""));
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) result[key.toLowerCase()] = value;
  return result;
}

/**
 * The server-side runtime and its version (`node/20.20.2`, `deno/2.1.4`, `bun/1.2.0`, `workerd`);
 * undefined in a browser, whose own User-Agent a script may not replace.
 */
function serverRuntime(): string | undefined {
  const global = globalThis as {
    Deno?: { version?: { deno?: string } };
    process?: { versions?: Record<string, string | undefined> };
    navigator?: { userAgent?: string };
    document?: unknown;
  };
  if (global.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (global.document !== undefined) return undefined;
  if (global.Deno?.version?.deno) return `deno/${global.Deno.version.deno}`;
  const versions = global.process?.versions;
  if (versions?.["bun"]) return `bun/${versions["bun"]}`;
  return versions?.["node"] ? `node/${versions["node"]}` : undefined;
}

/** The variable, where the runtime has `process.env` and lets the client read it (Deno refuses without --allow-env). */
function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
  } catch {
    return undefined;
  }
}
