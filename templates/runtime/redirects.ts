import type { Transport, TransportRequest, TransportResponse } from "./client-core.ts";
import { SdkError } from "./errors.ts";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;

/** Headers that carry credentials whatever the spec calls its own: never sent to another origin. */
const ALWAYS_SECRET = ["authorization", "proxy-authorization", "cookie"];

/**
 * Sends `request` and follows redirects as the Fetch standard does (a 303, or a 301/302 after a
 * POST, becomes a GET without body; otherwise method and body are repeated), except that nothing secret leaves the API's origin:
 * a hop to another origin drops the credential headers (`secretHeaders` and the usual ones), and a
 * redirect that would re-send a body there is refused.
 */
export async function sendFollowingRedirects(
  transport: Transport,
  request: TransportRequest,
  secretHeaders: readonly string[],
): Promise<TransportResponse> {
  let origin: string | undefined;
  for (let hops = 0; ; hops++) {
    const response = await transport(request);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
    if (location === null) return response;
    origin ??= new URL(request.url).origin;
    if (hops === MAX_REDIRECTS)
      throw new SdkError(`more than ${MAX_REDIRECTS} redirects, the last to ${where(location, request.url)}`);
    const target = new URL(location, request.url);
    const sameOrigin = target.origin === origin;
    const { status } = response;
    const toGet =
      (status === 303 && request.method !== "GET" && request.method !== "HEAD") ||
      ((status === 301 || status === 302) && request.method === "POST");
    if (!toGet && request.body !== undefined && !sameOrigin) {
      throw new SdkError(
        `the server redirected (${status}) to ${target.origin}; the request body is only re-sent to ${origin}`,
      );
    }
    // The redirect's own body is not needed; reading it frees the connection.
    await response.text().catch(() => undefined);
    const headers = { ...request.headers };
    if (!sameOrigin) for (const name of [...ALWAYS_SECRET, ...secretHeaders]) delete headers[name];
    if (toGet) {
      delete headers["content-type"];
      delete headers["content-length"];
      request = { ...request, method: "GET", body: undefined };
    }
    request = { ...request, url: target.href, headers };
  }
}

/** A redirect target for a message: its origin and path, never its query (which may hold a signed token). */
function where(location: string, base: string): string {
  const url = new URL(location, base);
  return `${url.origin}${url.pathname}`;
}
