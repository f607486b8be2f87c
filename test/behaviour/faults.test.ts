import axios from "axios";
import { createReadStream } from "node:fs";
import { createServer } from "node:net";
import { inspect } from "node:util";
import type {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  Ideogram,
  InternalServerError,
  RateLimitError,
  RequestOptions,
  SdkError,
  Uploadable,
} from "../../generated/fetch/index.ts";
import { API_KEY, clientFor, rejectionOf } from "../support/client";
import { PNG } from "../support/images";
import { file, multipartParts } from "../support/multipart";
import {
  bytes,
  cutBody,
  hang,
  resetAfterHalfBody,
  resetAfterHeaders,
  resetAfterReading,
  stallBody,
} from "../support/replies";
import { TempDir, webStreamOf } from "../support/uploads";
import { CLIENTS, countingTransport, type AnyClientOptions } from "../support/variants";
import { json, WireServer, type Reply } from "../support/wire-server";

const RESULT = {
  created: "2026-01-02T03:04:05Z",
  data: [{ url: "https://ideogram.ai/a.png", prompt: "p", resolution: "1024x1024", is_image_safe: true, seed: 1 }],
};
const HTML_PAGE = "<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>";

/** A cheap call with a JSON response; every fault below is provoked through it. */
function generate(client: Ideogram, options?: RequestOptions) {
  return client.generate.generateImageV3({ prompt: "a lighthouse" }, options);
}

/**
 * Milliseconds a call takes to reject, and its error; with `limit`, gives up waiting after that many
 * milliseconds (error undefined) so a call that hangs fails the test instead of the whole run.
 */
async function timed(call: PromiseLike<unknown>, limit?: number): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<undefined>((resolve) => {
    if (limit !== undefined) timer = setTimeout(resolve, limit, undefined);
  });
  const error = await Promise.race([rejectionOf(call).catch(() => undefined), gaveUp]);
  clearTimeout(timer);
  return { ms: performance.now() - start, error };
}

async function requestsReached(server: WireServer, count: number): Promise<void> {
  for (let waited = 0; server.requests.length < count; waited += 5) {
    if (waited > 5000) throw new Error(`only ${server.requests.length} of ${count} requests reached the server`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Records when each request arrived, then answers with `reply`. */
function stamped(times: number[], reply: Reply): Reply {
  return (request, response) => {
    times.push(performance.now());
    reply(request, response);
  };
}

describe.each(CLIENTS)("$label client", ({ variant, sdk }) => {
  let server: WireServer;
  let temp: TempDir;

  beforeAll(async () => {
    server = await new WireServer().start();
    temp = await TempDir.create();
  });

  afterAll(async () => {
    await server.stop();
    await temp.remove();
  });

  describe("retries", () => {
    test("a 429 with Retry-After: 1 is retried exactly once, after about a second, and the success is returned", async () => {
      server.reply(json(429, { error: "slow down" }, { "retry-after": "1" }), json(200, RESULT));

      const start = performance.now();
      const result = await generate(clientFor(sdk, server));

      expect(performance.now() - start).toBeGreaterThanOrEqual(900);
      expect(result).toEqual(RESULT);
      expect(server.requests).toHaveLength(2);
      expect(await multipartParts(server.requests[1]!)).toEqual(await multipartParts(server.requests[0]!));
    });

    test("a 503 is retried twice with exponential backoff (0.5 s then 1 s, at most 25% less) before the success", async () => {
      const times: number[] = [];
      const unavailable = stamped(times, json(503, { error: "busy" }));
      server.reply(unavailable, unavailable, stamped(times, json(200, RESULT)));

      const result = await generate(clientFor(sdk, server));

      expect(result).toEqual(RESULT);
      expect(server.requests).toHaveLength(3);
      const [first, second, third] = times as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(370);
      expect(second - first).toBeLessThan(900);
      expect(third - second).toBeGreaterThanOrEqual(745);
      expect(third - second).toBeLessThan(1600);
    });

    test("a 429 asking for a longer wait than maxRetryAfter surfaces as RateLimitError at once", async () => {
      server.reply(json(429, { error: "quota exhausted" }, { "retry-after": "5" }), json(200, RESULT));

      const { ms, error } = await timed(generate(clientFor(sdk, server, { maxRetryAfter: 2000 })));

      expect(error).toBeInstanceOf(sdk.RateLimitError);
      expect((error as RateLimitError).status).toBe(429);
      expect((error as RateLimitError).headers.get("retry-after")).toBe("5");
      expect(ms).toBeLessThan(500);
      expect(server.requests).toHaveLength(1);
    });

    test("Retry-After as an HTTP date is honoured: a date past the default 60 s cap surfaces the 429", async () => {
      const later = new Date(Date.now() + 3_600_000).toUTCString();
      server.reply(json(429, { error: "come back later" }, { "retry-after": later }), json(200, RESULT));

      const { ms, error } = await timed(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(sdk.RateLimitError);
      expect(ms).toBeLessThan(500);
      expect(server.requests).toHaveLength(1);
    });

    test.each(["-5", "1.5.2", "1.5", "soon", "Sun, 06 Nov 1994"])(
      "Retry-After %j is neither whole seconds nor an HTTP date: the normal backoff (0.5 s, at most 25%% less), not a date in the past",
      async (retryAfter) => {
        const times: number[] = [];
        server.reply(
          stamped(times, json(429, { error: "slow down" }, { "retry-after": retryAfter })),
          stamped(times, json(200, RESULT)),
        );

        await expect(generate(clientFor(sdk, server))).resolves.toEqual(RESULT);

        expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(370);
        expect(times[1]! - times[0]!).toBeLessThan(900);
      },
    );

    test("a Retry-After date already past waits the minimum backoff, not zero", async () => {
      const times: number[] = [];
      const past = new Date(Date.now() - 60_000).toUTCString();
      server.reply(
        stamped(times, json(503, { error: "busy" }, { "retry-after": past })),
        stamped(times, json(200, RESULT)),
      );

      await expect(generate(clientFor(sdk, server))).resolves.toEqual(RESULT);

      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(490);
    });

    test("maxRetries: 0 on one request disables retries for that request only", async () => {
      const client = clientFor(sdk, server);
      server.reply(json(429, { error: "slow down" }, { "retry-after": "0" }), json(200, RESULT));

      const error = await rejectionOf(generate(client, { maxRetries: 0 }));

      expect(error).toBeInstanceOf(sdk.RateLimitError);
      expect(server.requests).toHaveLength(1);

      server.reply(json(429, { error: "slow down" }, { "retry-after": "0" }), json(200, RESULT));
      await expect(generate(client)).resolves.toEqual(RESULT);
      expect(server.requests).toHaveLength(2);
    });

    test.each<[string, () => Promise<Uploadable>, string]>([
      ["a web ReadableStream", async () => webStreamOf(PNG), "image.png"],
      ["a fs.createReadStream", async () => createReadStream(await temp.file("retry.png", PNG)), "retry.png"],
    ])("a one-shot upload from %s sends identical bytes on the retry after a 429", async (_label, upload, filename) => {
      server.reply(json(429, { error: "slow down" }, { "retry-after": "0" }), json(200, RESULT));

      const result = await clientFor(sdk, server).generate.removeBackground({ image: await upload() });

      expect(result).toEqual(RESULT);
      expect(server.requests).toHaveLength(2);
      for (const request of server.requests) {
        expect(await multipartParts(request)).toEqual([file("image", filename, "image/png", PNG)]);
      }
    });

    test("a connection dropped after a 200 status line is not retried: the server already did the (paid) work", async () => {
      server.reply(cutBody, json(200, RESULT));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(sdk.ApiConnectionError);
      expect(error).not.toBeInstanceOf(sdk.ApiTimeoutError);
      expect(server.requests).toHaveLength(1);
    });

    test.each<[string, Reply]>([
      ["the status line and headers of a 200", resetAfterHeaders],
      ["half of a 200's body", resetAfterHalfBody],
      ["nothing, after reading the whole multipart body", resetAfterReading],
    ])(
      "a POST whose connection is reset after %s is sent once: the server may have done the paid work",
      async (_when, reset) => {
        server.reply(reset, json(200, RESULT));

        const error = await rejectionOf(generate(clientFor(sdk, server)));

        expect(error).toBeInstanceOf(sdk.ApiConnectionError);
        expect(error).not.toBeInstanceOf(sdk.ApiTimeoutError);
        expect((error as Error).message).toMatch(
          /(may have been processed|had answered 200), so it was not sent again$/,
        );
        expect(server.requests).toHaveLength(1);
      },
    );

    test("a GET whose connection is reset before any answer is retried: reading twice costs nothing", async () => {
      server.reply(resetAfterReading, json(200, { data: [] }));

      await expect(clientFor(sdk, server).datasets.listDatasets()).resolves.toEqual({ data: [] });
      expect(server.requests.map((request) => request.method)).toEqual(["GET", "GET"]);
    });

    test("a GET whose 200 status line arrived before the reset is not retried", async () => {
      server.reply(resetAfterHalfBody, json(200, { data: [] }));

      const error = await rejectionOf(clientFor(sdk, server).datasets.listDatasets());

      expect(error).toBeInstanceOf(sdk.ApiConnectionError);
      expect(server.requests).toHaveLength(1);
    });

    test("a refused connection is retried and then surfaces as ApiConnectionError", async () => {
      const counting = countingTransport(variant);
      const client = new sdk.Ideogram({
        apiKey: API_KEY,
        baseUrl: `http://127.0.0.1:${await closedPort()}`,
        maxRetries: 1,
        ...counting.options,
      });

      const error = await rejectionOf(generate(client));

      expect(error).toBeInstanceOf(sdk.ApiConnectionError);
      expect(error).not.toBeInstanceOf(sdk.ApiTimeoutError);
      expect((error as ApiConnectionError).message).toMatch(
        /^connection failed: POST \/v1\/ideogram-v3\/generate \(ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
      );
      expect((error as ApiConnectionError).code).toBe("ECONNREFUSED");
      // The cause chain is kept (plain errors, without the transport's request objects), ending at the root.
      let root = (error as Error).cause as { code?: string; cause?: unknown };
      while (root.cause) root = root.cause as typeof root;
      expect(root.code).toBe("ECONNREFUSED");
      expect(counting.calls()).toBe(2);
    });
  });

  describe("options and path parameters are checked before sending", () => {
    test.each([
      ["timeout", Infinity],
      ["timeout", 2 ** 31],
      ["timeout", 0],
      ["maxRetries", -1],
      ["maxRetries", 1.5],
      ["maxRetryAfter", Number.NaN],
    ])("%s: %p fails as a client option and as a request option, and nothing is sent", async (name, value) => {
      server.reply(json(200, RESULT));
      expect(() => clientFor(sdk, server, { [name]: value })).toThrow(new RegExp(`^${name} must be `));
      const error = await rejectionOf(generate(clientFor(sdk, server), { [name]: value }));
      expect(error).toBeInstanceOf(sdk.SdkError);
      expect((error as Error).message).toMatch(
        new RegExp(`^POST /v1/ideogram-v3/generate: request option ${name} must be `),
      );
      expect(server.requests).toHaveLength(0);
    });

    test.each([[""], ["."], [".."], [undefined]])(
      "a path parameter of %p never reaches the wire: getDataset fails naming dataset_id",
      async (value) => {
        server.reply(json(200, {}));
        const error = await rejectionOf(clientFor(sdk, server).datasets.getDataset({ dataset_id: value as string }));
        expect(error).toBeInstanceOf(sdk.SdkError);
        expect((error as Error).message).toMatch(/^GET \/datasets\/\{dataset_id\}: path parameter dataset_id is /);
        expect(server.requests).toHaveLength(0);
      },
    );
  });

  describe("error statuses", () => {
    test.each(["x-request-id", "request-id"])(
      "the server's %s is the error's requestId and ends its message",
      async (header) => {
        server.reply(json(500, { error: "boom" }, { [header]: "req-7f3a" }));
        const error = await rejectionOf(generate(clientFor(sdk, server, { maxRetries: 0 })));
        expect(error).toBeInstanceOf(sdk.InternalServerError);
        expect((error as ApiError).requestId).toBe("req-7f3a");
        expect((error as Error).message).toMatch(/ \(request id req-7f3a\)$/);
      },
    );

    test("without a request id header, requestId is undefined", async () => {
      server.reply(json(404, { error: "no such thing" }));
      const error = await rejectionOf(generate(clientFor(sdk, server)));
      expect((error as ApiError).requestId).toBeUndefined();
    });

    test("a 500 with an HTML body is an InternalServerError naming status, method and path, and is not retried", async () => {
      server.reply(bytes(500, HTML_PAGE, "text/html; charset=utf-8"), json(200, RESULT));

      const error = await rejectionOf(
        clientFor(sdk, server).generate.upscaleImage({ image_request: {}, image_file: PNG }),
      );

      expect(error).toBeInstanceOf(sdk.InternalServerError);
      expect(error).toBeInstanceOf(sdk.ApiError);
      const apiError = error as InternalServerError;
      expect(apiError.name).toBe("InternalServerError");
      expect(apiError.status).toBe(500);
      expect(apiError.method).toBe("POST");
      expect(apiError.path).toBe("/upscale");
      expect(apiError.message).toMatch(/^500 POST \/upscale: /);
      expect(apiError.message).not.toContain("<html>");
      expect(apiError.body).toBeUndefined();
      expect(apiError.rawBody).toBe(HTML_PAGE);
      expect(server.requests).toHaveLength(1);
    });

    test("a 200 whose body is not JSON is an UnexpectedResponseError with status, headers and raw body, not retried", async () => {
      server.reply(bytes(200, HTML_PAGE, "text/html", { "x-request-id": "req-html" }), json(200, RESULT));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(sdk.UnexpectedResponseError);
      expect(error).toBeInstanceOf(sdk.ApiError);
      expect(error).toMatchObject({
        name: "UnexpectedResponseError",
        status: 200,
        rawBody: HTML_PAGE,
        requestId: "req-html",
      });
      expect((error as ApiError).headers.get("content-type")).toBe("text/html");
      expect((error as ApiError).message).toBe(
        `200 POST /v1/ideogram-v3/generate: non-JSON body (text/html, ${HTML_PAGE.length} characters) (request id req-html)`,
      );
      expect(server.requests).toHaveLength(1);
    });

    test("an error keeps at most 64 KiB of a huge body", async () => {
      const page = `<html>${"x".repeat(300_000)}</html>`;
      server.reply(bytes(500, page, "text/html"));

      const error = await rejectionOf(clientFor(sdk, server).datasets.listDatasets({ maxRetries: 0 }));

      expect((error as ApiError).rawBody).toBe(`${page.slice(0, 65_536)}…`);
    });

    test.each<[number, string, new (...args: never[]) => ApiError]>([
      [400, "BadRequestError", sdk.BadRequestError],
      [401, "AuthenticationError", sdk.AuthenticationError],
      [402, "PaymentRequiredError", sdk.PaymentRequiredError],
      [403, "PermissionDeniedError", sdk.PermissionDeniedError],
      [404, "NotFoundError", sdk.NotFoundError],
    ])("a %i is a %s and is not retried", async (status, name, ErrorClass) => {
      server.reply(json(status, { error: `refused with ${status}` }), json(200, RESULT));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(sdk.ApiError);
      expect(error).toMatchObject({ name, status, method: "POST", path: "/v1/ideogram-v3/generate" });
      expect((error as ApiError).message).toBe(`${status} POST /v1/ideogram-v3/generate: refused with ${status}`);
      expect(server.requests).toHaveLength(1);
    });

    test("a 422 is an UnprocessableEntityError whose typed body.error is the server's text, also in the message", async () => {
      server.reply(json(422, { error: "Prompt failed the safety check." }));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(sdk.UnprocessableEntityError);
      if (!(error instanceof sdk.UnprocessableEntityError)) return;
      const text: string | undefined = error.body?.error;
      expect(text).toBe("Prompt failed the safety check.");
      expect(error.message).toContain("Prompt failed the safety check.");
      expect(error.status).toBe(422);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("the transport's own time limits", () => {
    const slowly: Reply = (_request, response) => {
      setTimeout(() => json(200, RESULT)(_request, response), 800);
    };

    if (variant === "axios") {
      test("an axios instance's shorter timeout does not cut a longer client timeout short, nor send the call twice", async () => {
        server.reply(slowly);

        const result = await generate(
          clientFor(sdk, server, { axios: axios.create({ timeout: 200 }), timeout: 10_000 }),
        );

        expect(result).toEqual(RESULT);
        expect(server.requests).toHaveLength(1);
      });
    } else {
      test("a fetch failing as undici does at its own header timeout is not sent again: the server had the request", async () => {
        let calls = 0;
        const timingOut: typeof fetch = async () => {
          calls++;
          const cause = Object.assign(new Error("Headers Timeout Error"), {
            name: "HeadersTimeoutError",
            code: "UND_ERR_HEADERS_TIMEOUT",
          });
          throw new TypeError("fetch failed", { cause });
        };

        const error = await rejectionOf(generate(clientFor(sdk, server, { fetch: timingOut, timeout: 900_000 })));

        expect(error).toBeInstanceOf(sdk.ApiConnectionError);
        expect(error).toMatchObject({ code: "UND_ERR_HEADERS_TIMEOUT" });
        expect((error as Error).message).toBe(
          "connection failed: POST /v1/ideogram-v3/generate (UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error); " +
            "the request may have been processed, so it was not sent again",
        );
        expect(calls).toBe(1);
      });
    }
  });

  describe("timeouts and cancellation", () => {
    test("a server that never answers yields ApiTimeoutError within the configured timeout", async () => {
      server.reply(hang);

      const { ms, error } = await timed(generate(clientFor(sdk, server, { timeout: 300 })));

      expect(error).toBeInstanceOf(sdk.ApiTimeoutError);
      expect((error as ApiTimeoutError).timeout).toBe(300);
      expect((error as ApiTimeoutError).message).toBe("timed out after 300 ms: POST /v1/ideogram-v3/generate");
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(2000);
    });

    test("a per-request timeout overrides the client's", async () => {
      server.reply(hang);

      const { ms, error } = await timed(generate(clientFor(sdk, server), { timeout: 200 }));

      expect(error).toBeInstanceOf(sdk.ApiTimeoutError);
      expect(ms).toBeLessThan(2000);
    });

    test("a server that sends headers and then stalls the body also yields ApiTimeoutError", async () => {
      server.reply(stallBody);

      const { ms, error } = await timed(generate(clientFor(sdk, server, { timeout: 300 })));

      expect(error).toBeInstanceOf(sdk.ApiTimeoutError);
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(2000);
    });

    test("aborting the signal mid-request rejects with ApiAbortError named AbortError", async () => {
      server.reply(hang);
      const controller = new AbortController();

      const call = generate(clientFor(sdk, server), { signal: controller.signal });
      await requestsReached(server, 1);
      const abortedAt = performance.now();
      controller.abort();
      const error = await rejectionOf(call);

      expect(performance.now() - abortedAt).toBeLessThan(500);
      expect(error).toBeInstanceOf(sdk.ApiAbortError);
      expect((error as ApiAbortError).name).toBe("AbortError");
      expect((error as ApiAbortError).message).toBe("aborted: POST /v1/ideogram-v3/generate");
    });

    test("an already-aborted signal rejects with ApiAbortError before anything is sent", async () => {
      server.reply(json(200, RESULT));

      const error = await rejectionOf(generate(clientFor(sdk, server), { signal: AbortSignal.abort() }));

      expect(error).toBeInstanceOf(sdk.ApiAbortError);
      expect((error as ApiAbortError).name).toBe("AbortError");
      expect(server.requests).toHaveLength(0);
    });

    test("aborting while an upload stream stalls rejects with ApiAbortError, and nothing is sent", async () => {
      server.reply(json(200, RESULT));
      const stalled = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new Uint8Array(PNG)),
      });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);

      const { ms, error } = await timed(
        clientFor(sdk, server).generate.removeBackground({ image: stalled }, { signal: controller.signal }),
        2000,
      );

      expect(error).toBeInstanceOf(sdk.ApiAbortError);
      expect(ms).toBeLessThan(1000);
      expect(server.requests).toHaveLength(0);
    });

    test("aborting during the wait before a retry cancels the wait promptly", async () => {
      server.reply(json(429, { error: "slow down" }, { "retry-after": "20" }), json(200, RESULT));
      const controller = new AbortController();

      const call = generate(clientFor(sdk, server), { signal: controller.signal });
      await requestsReached(server, 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const abortedAt = performance.now();
      controller.abort();
      const error = await rejectionOf(call);

      expect(performance.now() - abortedAt).toBeLessThan(200);
      expect(error).toBeInstanceOf(sdk.ApiAbortError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("the API key", () => {
    const ECHOED = `invalid api key: ${API_KEY}`;

    /** Answers every request with `reply`, then makes one call through a client with `options`. */
    const provoke =
      (reply: Reply, options: AnyClientOptions = {}, requestOptions?: () => RequestOptions) =>
      () => {
        server.reply(reply);
        return generate(clientFor(sdk, server, options), requestOptions?.());
      };
    const echoing = (status: number, headers: Record<string, string> = {}) => json(status, { error: ECHOED }, headers);

    /** Every error kind above; wherever the server answers in JSON, it echoes the key back in its error text. */
    const faults: [fault: string, error: new (...args: never[]) => SdkError, call: () => Promise<unknown>][] = [
      ["a 400", sdk.BadRequestError, provoke(echoing(400))],
      ["a 401", sdk.AuthenticationError, provoke(echoing(401))],
      ["a 402", sdk.PaymentRequiredError, provoke(echoing(402))],
      ["a 403", sdk.PermissionDeniedError, provoke(echoing(403))],
      ["a 404", sdk.NotFoundError, provoke(echoing(404))],
      ["a 422", sdk.UnprocessableEntityError, provoke(echoing(422))],
      ["a 429 past maxRetryAfter", sdk.RateLimitError, provoke(echoing(429, { "retry-after": "120" }))],
      [
        "a 429 with retries disabled",
        sdk.RateLimitError,
        provoke(echoing(429, { "retry-after": "0" }), {}, () => ({ maxRetries: 0 })),
      ],
      ["a 503 after its retries", sdk.InternalServerError, provoke(echoing(503, { "retry-after": "0" }))],
      ["a 500 HTML page", sdk.InternalServerError, provoke(bytes(500, HTML_PAGE, "text/html"))],
      ["a key echoed in a message field", sdk.ApiError, provoke(json(418, { message: ECHOED }))],
      ["a key echoed as a JSON string body", sdk.BadRequestError, provoke(json(400, ECHOED))],
      ["no answer", sdk.ApiTimeoutError, provoke(hang, { timeout: 100 })],
      ["a stalled body", sdk.ApiTimeoutError, provoke(stallBody, { timeout: 100 })],
      ["an abort mid-request", sdk.ApiAbortError, provoke(hang, {}, () => ({ signal: AbortSignal.timeout(50) }))],
      [
        "an already-aborted signal",
        sdk.ApiAbortError,
        provoke(json(200, RESULT), {}, () => ({ signal: AbortSignal.abort() })),
      ],
      [
        "an abort during the retry wait",
        sdk.ApiAbortError,
        provoke(echoing(429, { "retry-after": "10" }), {}, () => ({ signal: AbortSignal.timeout(100) })),
      ],
      [
        "a refused connection",
        sdk.ApiConnectionError,
        async () =>
          generate(
            new sdk.Ideogram({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 }),
          ),
      ],
    ];

    const cases = faults.map(
      ([fault, ErrorClass, call]) => [`${fault} (${ErrorClass.name})`, ErrorClass, call] as const,
    );

    test.each(cases)("appears in no message of the error from %s", async (_fault, ErrorClass, call) => {
      const error = await rejectionOf(call());

      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as Error).message).not.toContain(API_KEY);
      expect(String(error)).not.toContain(API_KEY);
      // The stack's first line (what console.error shows) must agree with the redacted message.
      expect((error as Error).stack ?? "").not.toContain(API_KEY);
      // What console.error(error) and an error tracker see: every property, the whole cause chain.
      expect(inspect(error, { depth: null, showHidden: true })).not.toContain(API_KEY);
      expect(JSON.stringify(error)).not.toContain(API_KEY);
    });

    test("a key the server echoes in a response header is not on the error's headers", async () => {
      server.reply(json(401, { error: "no" }, { "x-echo": `key=${API_KEY}`, "x-request-id": "req-1" }));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect(error).toBeInstanceOf(sdk.AuthenticationError);
      expect((error as ApiError).headers.get("x-echo")).toBe("key=[redacted]");
      expect((error as ApiError).requestId).toBe("req-1");
      expect(inspect(error, { depth: null })).not.toContain(API_KEY);
    });

    describe("redirects", () => {
      let elsewhere: WireServer;
      beforeAll(async () => {
        elsewhere = await new WireServer().start();
      });
      afterAll(() => elsewhere.stop());
      const to =
        (status: number, location: () => string): Reply =>
        (_request, response) => {
          response.writeHead(status, { location: location() });
          response.end();
        };

      test("a 307 within the API's origin re-sends the same method, body and key", async () => {
        server.reply(
          to(307, () => "/v1/ideogram-v3/generate-moved"),
          json(200, RESULT),
        );

        await expect(generate(clientFor(sdk, server))).resolves.toEqual(RESULT);

        const [first, second] = server.requests;
        expect(second).toMatchObject({ method: "POST", url: "/v1/ideogram-v3/generate-moved" });
        expect(second!.headers["api-key"]).toBe(API_KEY);
        expect(second!.body.equals(first!.body)).toBe(true);
        expect(second!.headers["content-type"]).toBe(first!.headers["content-type"]);
      });

      test("a 303 to another origin is followed with a GET that carries neither the key nor the body", async () => {
        server.reply(to(303, () => `${elsewhere.url}/results/1?sig=abc`));
        elsewhere.reply(json(200, RESULT));

        await expect(
          generate(clientFor(sdk, server, { headers: { authorization: "Bearer also-secret" } })),
        ).resolves.toEqual(RESULT);

        expect(server.requests).toHaveLength(1);
        expect(elsewhere.last).toMatchObject({ method: "GET", url: "/results/1?sig=abc" });
        expect(elsewhere.last.headers["api-key"]).toBeUndefined();
        expect(elsewhere.last.headers["authorization"]).toBeUndefined();
        expect(elsewhere.last.headers["content-type"]).toBeUndefined();
        expect(elsewhere.last.body).toHaveLength(0);
      });

      test("a GET redirected (301) to another origin arrives there without the key", async () => {
        server.reply(to(301, () => `${elsewhere.url}/v1/datasets`));
        elsewhere.reply(json(200, { data: [] }));

        await expect(clientFor(sdk, server).datasets.listDatasets()).resolves.toEqual({ data: [] });

        expect(elsewhere.last.method).toBe("GET");
        expect(elsewhere.last.headers["api-key"]).toBeUndefined();
      });

      test("a 307 to another origin is refused: the body and key are not sent there", async () => {
        server.reply(to(307, () => `${elsewhere.url}/steal`));
        elsewhere.reply(json(200, RESULT));

        const error = await rejectionOf(generate(clientFor(sdk, server)));

        expect(error).toBeInstanceOf(sdk.SdkError);
        expect((error as Error).message).toBe(
          `the server redirected (307) to ${elsewhere.url}; the request body is only re-sent to ${server.url}`,
        );
        expect(elsewhere.requests).toHaveLength(0);
        expect(server.requests).toHaveLength(1);
      });

      test("a redirect loop ends after 20 hops with an error", async () => {
        server.reply(to(302, () => "/loop"));

        const error = await rejectionOf(clientFor(sdk, server).datasets.listDatasets());

        expect((error as Error).message).toBe(`more than 20 redirects, the last to ${server.url}/loop`);
        expect(server.requests).toHaveLength(21);
      });
    });

    test("an echoed key is redacted, and the rest of the server's text kept", async () => {
      server.reply(json(401, { error: ECHOED }));

      const error = await rejectionOf(generate(clientFor(sdk, server)));

      expect((error as Error).message).toBe("401 POST /v1/ideogram-v3/generate: invalid api key: [redacted]");
    });

    test("defaults to IDEOGRAM_API_KEY from the environment", async () => {
      const saved = process.env["IDEOGRAM_API_KEY"];
      process.env["IDEOGRAM_API_KEY"] = "sk-from-environment";
      try {
        server.reply(json(200, RESULT));
        await new sdk.Ideogram({ baseUrl: server.url }).generate.generateImageV3({ prompt: "a lighthouse" });
        expect(server.last.headers["api-key"]).toBe("sk-from-environment");
      } finally {
        if (saved === undefined) delete process.env["IDEOGRAM_API_KEY"];
        else process.env["IDEOGRAM_API_KEY"] = saved;
      }
    });

    test("a missing key rejects with a message naming IDEOGRAM_API_KEY, and nothing is sent", async () => {
      const saved = process.env["IDEOGRAM_API_KEY"];
      delete process.env["IDEOGRAM_API_KEY"];
      try {
        server.reply(json(200, RESULT));
        const error = await rejectionOf(
          new sdk.Ideogram({ baseUrl: server.url }).generate.generateImageV3({ prompt: "x" }),
        );
        expect(error).toBeInstanceOf(sdk.SdkError);
        expect((error as Error).message).toMatch(/IDEOGRAM_API_KEY/);
        expect((error as Error).message).toMatch(/apiKey/);
        expect(server.requests).toHaveLength(0);
      } finally {
        if (saved !== undefined) process.env["IDEOGRAM_API_KEY"] = saved;
      }
    });
  });
});
