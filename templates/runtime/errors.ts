import type { ErrorBodies } from "../types.ts";

type BodyFor<K> = K extends keyof ErrorBodies ? ErrorBodies[K] : unknown;

/** The root of every error this client throws. */
export class SdkError extends Error {
  override name = "SdkError";
  constructor(message: string, cause?: unknown) {
    super(message);
    if (cause !== undefined) Object.defineProperty(this, "cause", { value: cause, configurable: true, writable: true });
  }
}

export interface ApiErrorInit {
  status: number;
  headers: Headers;
  rawBody: string;
  method: string;
  path: string;
}

/** The server answered with a status outside 2xx, or with a 2xx body the client cannot read as the operation's. */
export class ApiError<TBody = unknown> extends SdkError {
  override name = "ApiError";
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body; undefined when the body is not JSON. */
  readonly body: TBody | undefined;
  /** The body as the server sent it. */
  readonly rawBody: string;
  /** The request's HTTP method. */
  readonly method: string;
  /** The request's path template, as in the spec (never the full URL, which may carry credentials). */
  readonly path: string;
  /** The server's id for the request (`x-request-id` or `request-id`), for its support and logs. */
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    const body = parseJson(init.rawBody, init.headers.get("content-type"));
    const requestId = requestIdOf(init.headers);
    super(
      `${init.status} ${init.method} ${init.path}: ${describeBody(body, init)}${requestId ? ` (request id ${requestId})` : ""}`,
    );
    this.requestId = requestId;
    this.status = init.status;
    this.headers = init.headers;
    this.body = body as TBody | undefined;
    this.rawBody = init.rawBody;
    this.method = init.method;
    this.path = init.path;
  }
}

export class BadRequestError extends ApiError<BodyFor<400>> {
  override name = "BadRequestError";
}
export class AuthenticationError extends ApiError<BodyFor<401>> {
  override name = "AuthenticationError";
}
export class PaymentRequiredError extends ApiError<BodyFor<402>> {
  override name = "PaymentRequiredError";
}
export class PermissionDeniedError extends ApiError<BodyFor<403>> {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError<BodyFor<404>> {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError<BodyFor<409>> {
  override name = "ConflictError";
}
/** The request was understood but refused; for image APIs, typically a failed safety check. */
export class UnprocessableEntityError extends ApiError<BodyFor<422>> {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends ApiError<BodyFor<429>> {
  override name = "RateLimitError";
}
/** A 2xx whose body is not the JSON the operation returns (a proxy's HTML page, a truncated document). */
export class UnexpectedResponseError extends ApiError<undefined> {
  override name = "UnexpectedResponseError";
}
export class InternalServerError extends ApiError<BodyFor<"5xx">> {
  override name = "InternalServerError";
}

/** The innermost failure under a transport's error: what the operating system or the HTTP stack reported. */
export interface RootCause {
  /** `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, `UND_ERR_SOCKET`, … */
  code: string | undefined;
  /** The system call that failed (`connect`, `getaddrinfo`, `read`), where the platform names it. */
  syscall: string | undefined;
  message: string | undefined;
}

/** Walks a failure's `cause` chain (fetch's "fetch failed" hides `ECONNREFUSED` two levels down) to the innermost coded error. */
export function rootCause(error: unknown): RootCause {
  const root: RootCause = { code: undefined, syscall: undefined, message: undefined };
  for (let depth = 0; depth < 8 && error !== null && typeof error === "object"; depth++) {
    const { code, syscall, message } = error as { code?: unknown; syscall?: unknown; message?: unknown };
    if (typeof message === "string" && message) root.message = message;
    if (typeof code === "string" && code)
      Object.assign(root, { code, syscall: typeof syscall === "string" ? syscall : undefined });
    error = (error as { cause?: unknown }).cause;
  }
  return root;
}

/** The server's id for a request, from its response's `x-request-id` or `request-id`. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}

/** The root cause as messages name it: `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1`; empty when nothing says. */
export function rootCauseText(root: RootCause): string {
  return [root.code, root.message].filter(Boolean).join(": ");
}

/** The request never got a complete HTTP answer: DNS, refused connection, reset socket. */
export class ApiConnectionError extends SdkError {
  override name = "ApiConnectionError";
  readonly method: string;
  readonly path: string;
  /** The root cause's code (`ECONNREFUSED`, `ECONNRESET`, …), where the platform gives one. */
  readonly code: string | undefined;
  /** `message` replaces the default text, `note` is added to it. */
  constructor(method: string, path: string, cause?: unknown, text: { message?: string; note?: string } = {}) {
    const root = rootCause(cause);
    const detail = rootCauseText(root);
    const message = text.message ?? `connection failed: ${method} ${path}${detail ? ` (${detail})` : ""}`;
    super(text.note ? `${message}; ${text.note}` : message, cause);
    this.method = method;
    this.path = path;
    this.code = root.code;
  }
}

/** No complete answer within the timeout (the response body included). */
export class ApiTimeoutError extends ApiConnectionError {
  override name = "ApiTimeoutError";
  readonly timeout: number;
  constructor(method: string, path: string, timeout: number) {
    super(method, path, undefined, { message: `timed out after ${timeout} ms: ${method} ${path}` });
    this.timeout = timeout;
  }
}

/** The caller's AbortSignal fired. Named "AbortError" like the platform's own abort errors. */
export class ApiAbortError extends SdkError {
  override name = "AbortError";
  constructor(method: string, path: string, cause?: unknown) {
    super(`aborted: ${method} ${path}`, cause);
  }
}

export function createApiError(init: ApiErrorInit): ApiError {
  const ErrorClass =
    ERROR_BY_STATUS[init.status] ??
    (init.status >= 500 ? InternalServerError : init.status < 300 ? UnexpectedResponseError : ApiError);
  return new ErrorClass(init);
}

const ERROR_BY_STATUS: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

function parseJson(text: string, contentType: string | null): unknown {
  if (text === "" || (contentType !== null && !/json/i.test(contentType))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short, safe summary: the server's own error text for JSON bodies, never raw HTML. */
function describeBody(body: unknown, init: ApiErrorInit): string {
  if (body !== null && typeof body === "object") {
    for (const key of ["error", "message", "detail", "title"]) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === "string" && value.trim()) return truncate(value.trim());
    }
    return truncate(JSON.stringify(body));
  }
  if (typeof body === "string" && body.trim()) return truncate(body.trim());
  const type = init.headers.get("content-type") ?? "no content type";
  return init.rawBody === "" ? "empty body" : `non-JSON body (${type}, ${init.rawBody.length} characters)`;
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
