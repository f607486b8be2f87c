import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type {
  ApiAbortError,
  ApiError,
  ApiTimeoutError,
  FailedImage,
  ImageGenerationResponseV3,
  LayerizeTextResponse,
} from "../../generated/fetch/index.ts";
import type { SaveOutcome } from "../../generated/fetch/node.ts";
import { API_KEY, clientFor, rejectionOf } from "../support/client";
import { JPEG, PNG, WEBP } from "../support/images";
import { bytes, hang, resetAfterReading } from "../support/replies";
import { TempDir } from "../support/uploads";
import { CLIENTS, countingTransport } from "../support/variants";
import { WireServer, type RecordedRequest, type Reply } from "../support/wire-server";

/** Answers each request by its path (downloads run in parallel, so a queue's order would be the race's); `default` 404s. */
function byPath(replies: Record<string, Reply | Reply[]>): Reply {
  const queues = new Map(
    Object.entries(replies).map(([path, reply]) => [path, Array.isArray(reply) ? [...reply] : [reply]]),
  );
  return (request, response) => {
    const queue = queues.get(request.url.split("?")[0]!);
    if (!queue) return bytes(404, "no such image", "text/plain")(request, response);
    (queue.length > 1 ? queue.shift()! : queue[0]!)(request, response);
  };
}

/** A reply that waits until `ready()` holds (polled), then answers with `reply`; gives up with a 500 after 5 s. */
function after(ready: () => boolean, reply: Reply): Reply {
  return (request, response) => {
    const started = Date.now();
    const poll = () => {
      if (ready()) reply(request, response);
      else if (Date.now() - started > 5000) bytes(500, "waited in vain", "text/plain")(request, response);
      else setTimeout(poll, 5);
    };
    poll();
  };
}

const image = (url: string | null, safe = true) => ({
  url,
  prompt: "p",
  resolution: "1024x1024" as const,
  is_image_safe: safe,
  seed: 1,
});

/** Requests for one image's path, as they reached the server. */
const requestsFor = (server: WireServer, path: string): RecordedRequest[] =>
  server.requests.filter((request) => request.url.split("?")[0] === path);

describe.each(CLIENTS)("$label client", ({ variant, sdk }) => {
  let server: WireServer;
  let temp: TempDir;
  let link: (path: string) => string;

  beforeAll(async () => {
    server = await new WireServer().start();
    temp = await TempDir.create();
    link = (path) => `${server.url}${path}`;
  });

  afterAll(async () => {
    await server.stop();
    await temp.remove();
  });

  const result = (...data: ReturnType<typeof image>[]): ImageGenerationResponseV3 => ({
    created: "2026-01-02T03:04:05Z",
    data,
  });

  describe("downloadImages", () => {
    test("fetches every link through the client without its key or headers and reports each image's outcome in order", async () => {
      server.reply(
        byPath({ "/a.png": bytes(200, PNG, "image/png"), "/c.jpg": bytes(200, JPEG, "application/octet-stream") }),
      );
      const client = clientFor(sdk, server, { headers: { "x-team": "imaging" } });

      const outcomes = await client.downloadImages(
        result(image(link("/a.png")), image(null, false), image(link("/c.jpg?sig=abc"))),
      );

      expect(outcomes).toEqual([
        {
          status: "downloaded",
          field: "data[0].url",
          url: link("/a.png"),
          bytes: new Uint8Array(PNG),
          contentType: "image/png",
          extension: "png",
        },
        { status: "skipped", field: "data[1].url", reason: "unsafe" },
        {
          status: "downloaded",
          field: "data[2].url",
          url: link("/c.jpg?sig=abc"),
          bytes: new Uint8Array(JPEG),
          contentType: "image/jpeg",
          extension: "jpg",
        },
      ]);
      expect(server.requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual(["GET /a.png", "GET /c.jpg?sig=abc"]);
      // The links are signed and point elsewhere: neither the key nor the client's headers go with them.
      for (const request of server.requests) {
        expect(request.headers["api-key"]).toBeUndefined();
        expect(request.headers["x-team"]).toBeUndefined();
        expect(request.headers["accept"]).toBe("image/*, */*;q=0.8");
        expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
      }
    });

    test("a link that answers 410 fails alone: the images after it are still downloaded", async () => {
      server.reply(
        byPath({
          "/1.png": bytes(200, PNG, "image/png"),
          "/2.png": bytes(200, PNG, "image/png"),
          "/3.png": bytes(410, "gone", "text/plain"),
          "/4.webp": bytes(200, WEBP, "image/webp"),
        }),
      );
      const client = clientFor(sdk, server, { maxRetries: 0 });

      const outcomes = await client.downloadImages(
        result(
          image(link("/1.png")),
          image(link("/2.png")),
          image(link("/3.png?sig=SIGNATURE")),
          image(link("/4.webp")),
        ),
      );

      expect(outcomes.map((o) => o.status)).toEqual(["downloaded", "downloaded", "failed", "downloaded"]);
      const failed = outcomes[2] as FailedImage;
      expect(failed.url).toBe(link("/3.png?sig=SIGNATURE"));
      expect((failed.error as ApiError).status).toBe(410);
      expect(failed.error.message).toContain(`GET ${server.url}/3.png`);
      // The signature stays out of the message (it ends up in logs); the outcome keeps the link to retry.
      expect(failed.error.message).not.toContain("SIGNATURE");
      expect(outcomes[3]).toMatchObject({ status: "downloaded", contentType: "image/webp" });
    });

    test("a stalled image fails with ApiTimeoutError after the download's timeout; the others arrive", async () => {
      server.reply(byPath({ "/slow.png": hang, "/fast.png": bytes(200, PNG, "image/png") }));
      const client = clientFor(sdk, server);

      const started = performance.now();
      const outcomes = await client.downloadImages(result(image(link("/slow.png")), image(link("/fast.png"))), {
        timeout: 300,
      });
      const elapsed = performance.now() - started;

      expect(outcomes.map((o) => o.status)).toEqual(["failed", "downloaded"]);
      expect((outcomes[0] as FailedImage).error).toMatchObject({
        name: "ApiTimeoutError",
      } satisfies Partial<ApiTimeoutError>);
      expect(elapsed).toBeLessThan(3000);
    });

    test("images download in parallel, `concurrency` at a time (4 by default)", async () => {
      let inFlight = 0;
      let most = 0;
      const counted: Reply = (request, response) => {
        most = Math.max(most, ++inFlight);
        setTimeout(() => {
          inFlight--;
          bytes(200, PNG, "image/png")(request, response);
        }, 50);
      };
      server.reply(counted);
      const links = Array.from({ length: 6 }, (_, i) => image(link(`/${i}.png`)));
      const client = clientFor(sdk, server);

      expect((await client.downloadImages(result(...links))).every((o) => o.status === "downloaded")).toBe(true);
      expect(most).toBe(4);
      most = 0;
      expect(
        (await client.downloadImages(result(...links), { concurrency: 2 })).every((o) => o.status === "downloaded"),
      ).toBe(true);
      expect(most).toBe(2);
    });

    test("all images of a result are requested before any answers: a slow first image does not hold up the rest", async () => {
      // The first image answers only once the other three requests have arrived: sequential downloads would wait for it in vain.
      const arrived = () => ["/b.png", "/c.png", "/d.png"].every((path) => requestsFor(server, path).length > 0);
      server.reply(
        byPath({
          "/a.png": after(arrived, bytes(200, PNG, "image/png")),
          "/b.png": bytes(200, PNG, "image/png"),
          "/c.png": bytes(200, PNG, "image/png"),
          "/d.png": bytes(200, PNG, "image/png"),
        }),
      );
      const client = clientFor(sdk, server);

      const outcomes = await client.downloadImages(
        result(image(link("/a.png")), image(link("/b.png")), image(link("/c.png")), image(link("/d.png"))),
      );

      expect(outcomes.map((o) => o.status)).toEqual(["downloaded", "downloaded", "downloaded", "downloaded"]);
    });

    test("a 503 and a reset connection are retried (a download is a GET); maxRetries: 0 reports the failure", async () => {
      server.reply(
        byPath({
          "/busy.png": [bytes(503, "busy", "text/plain", { "retry-after": "0" }), bytes(200, PNG, "image/png")],
          "/reset.png": [resetAfterReading, bytes(200, PNG, "image/png")],
        }),
      );
      const client = clientFor(sdk, server);

      const outcomes = await client.downloadImages(result(image(link("/busy.png")), image(link("/reset.png"))));

      expect(outcomes.map((o) => o.status)).toEqual(["downloaded", "downloaded"]);
      expect(requestsFor(server, "/busy.png")).toHaveLength(2);
      expect(requestsFor(server, "/reset.png")).toHaveLength(2);

      server.reply(byPath({ "/busy.png": bytes(503, "busy", "text/plain", { "retry-after": "0" }) }));
      const [once] = await client.downloadImages(result(image(link("/busy.png"))), { maxRetries: 0 });
      expect(once).toMatchObject({ status: "failed", error: { status: 503 } });
      expect(server.requests).toHaveLength(1);
    });

    test("goes through the client's own transport (its fetch or axios instance)", async () => {
      server.reply(bytes(200, PNG, "image/png"));
      const { options, calls } = countingTransport(variant);
      const client = clientFor(sdk, server, options);

      await client.downloadImages(result(image(link("/a.png")), image(link("/b.png")), image(link("/c.png"))));

      expect(calls()).toBe(3);
      expect(server.requests).toHaveLength(3);
    });

    test("the standalone function does the same with the light client", async () => {
      server.reply(bytes(200, PNG, "image/png"));
      const core = new sdk.IdeogramCore({ apiKey: API_KEY, baseUrl: server.url });

      const outcomes = await sdk.downloadImages(core, result(image(link("/a.png"))));

      expect(outcomes).toMatchObject([{ status: "downloaded", field: "data[0].url", contentType: "image/png" }]);
    });

    test("aborting resolves with every unfinished image failed as ApiAbortError, instead of hanging or rejecting", async () => {
      server.reply(byPath({ "/done.png": bytes(200, PNG, "image/png"), "/stuck.png": hang }));
      const controller = new AbortController();
      const client = clientFor(sdk, server);

      // One at a time, so that the first image is whole before the second is asked for.
      const pending = client.downloadImages(result(image(link("/done.png")), image(link("/stuck.png"))), {
        signal: controller.signal,
        concurrency: 1,
      });
      while (requestsFor(server, "/stuck.png").length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      const outcomes = await pending;

      expect(outcomes[0]).toMatchObject({ status: "downloaded" });
      expect(outcomes[1]).toMatchObject({
        status: "failed",
        error: { name: "AbortError" } satisfies Partial<ApiAbortError>,
      });
    });

    test("every image link of the spec's results is taken: LayerizeTextResponse's base and original image", async () => {
      server.reply(
        byPath({ "/base.png": bytes(200, PNG, "image/png"), "/original.jpg": bytes(200, JPEG, "image/jpeg") }),
      );
      const client = clientFor(sdk, server);
      const layered: LayerizeTextResponse = {
        base_image_url: link("/base.png"),
        original_image_url: link("/original.jpg"),
        seed: 7,
      };

      expect(sdk.imageLinks(layered)).toEqual([
        { field: "base_image_url", url: link("/base.png"), unsafe: false },
        { field: "original_image_url", url: link("/original.jpg"), unsafe: false },
      ]);
      const outcomes = await client.downloadImages(layered);
      expect(outcomes).toMatchObject([
        { status: "downloaded", field: "base_image_url", contentType: "image/png" },
        { status: "downloaded", field: "original_image_url", contentType: "image/jpeg" },
      ]);
      const withoutOriginal = await client.downloadImages({ ...layered, original_image_url: null });
      expect(withoutOriginal[1]).toEqual({ status: "skipped", field: "original_image_url", reason: "no-url" });
    });

    test("a link that is not http(s) fails without a request", async () => {
      server.reply(bytes(200, PNG, "image/png"));
      const client = clientFor(sdk, server);

      const outcomes = await client.downloadImages(result(image("file:///etc/passwd"), image("not a url")));

      expect(outcomes).toMatchObject([
        {
          status: "failed",
          field: "data[0].url",
          error: { name: "SdkError", message: "data[0].url is not an http(s) link (file:)" },
        },
        { status: "failed", field: "data[1].url", error: { name: "SdkError", message: "data[1].url is not a URL" } },
      ]);
      expect(server.requests).toHaveLength(0);
    });

    test.each<[string, object]>([
      ["timeout: Infinity", { timeout: Number.POSITIVE_INFINITY }],
      ["maxRetries: -1", { maxRetries: -1 }],
    ])("%s rejects the whole download before anything is sent", async (_label, options) => {
      const client = clientFor(sdk, server);
      server.reply(bytes(200, PNG, "image/png"));

      const error = await rejectionOf(client.downloadImages(result(image(link("/a.png"))), options));

      expect(error).toMatchObject({
        name: "SdkError",
        message: expect.stringMatching(/^(timeout|maxRetries) must be /),
      });
      expect(server.requests).toHaveLength(0);
    });

    test.each([0, 1.5, -1, Number.NaN])("concurrency %p rejects before anything is sent", async (concurrency) => {
      const client = clientFor(sdk, server);
      server.reply(bytes(200, PNG, "image/png"));

      const error = await rejectionOf(client.downloadImages(result(image(link("/a.png"))), { concurrency }));

      expect(error).toMatchObject({
        name: "SdkError",
        message: `concurrency must be a whole number, 1 or more, not ${concurrency}`,
      });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("saveImages", () => {
    let folders = 0;
    const folder = () => join(temp.path, `saved-${folders++}`);
    const files = async (directory: string) => (await readdir(directory)).sort();
    const paths = (outcomes: SaveOutcome[]) => outcomes.map((o) => (o.status === "saved" ? o.path : o.status));

    test("writes each image to <prefix>-<created>-<index>.<ext>, skipping the unsafe one", async () => {
      server.reply(byPath({ "/a.png": bytes(200, PNG, "image/png"), "/c.jpg": bytes(200, JPEG, "image/jpeg") }));
      const client = clientFor(sdk, server);
      const directory = folder();

      const outcomes = await sdk.saveImages(
        client,
        result(image(link("/a.png")), image(null, false), image(link("/c.jpg"))),
        directory,
        {
          prefix: "lighthouse",
        },
      );

      expect(outcomes).toEqual([
        {
          status: "saved",
          field: "data[0].url",
          url: link("/a.png"),
          path: join(directory, "lighthouse-20260102T030405Z-0.png"),
          contentType: "image/png",
        },
        { status: "skipped", field: "data[1].url", reason: "unsafe" },
        {
          status: "saved",
          field: "data[2].url",
          url: link("/c.jpg"),
          path: join(directory, "lighthouse-20260102T030405Z-2.jpg"),
          contentType: "image/jpeg",
        },
      ]);
      expect(await files(directory)).toEqual([
        "lighthouse-20260102T030405Z-0.png",
        "lighthouse-20260102T030405Z-2.jpg",
      ]);
      expect(await readFile(join(directory, "lighthouse-20260102T030405Z-0.png"))).toEqual(PNG);
      expect(await readFile(join(directory, "lighthouse-20260102T030405Z-2.jpg"))).toEqual(JPEG);
    });

    test("never overwrites: a second result into the same folder, and a file already there, get numbered names", async () => {
      const client = clientFor(sdk, server);
      const directory = folder();
      await mkdir(directory);
      await writeFile(join(directory, "image-20260102T030405Z-1.png"), "the user's own file");
      server.reply(bytes(200, PNG, "image/png"));
      const first = await sdk.saveImages(client, result(image(link("/a.png")), image(link("/b.png"))), directory);
      server.reply(bytes(200, JPEG, "image/jpeg"));
      const second = await sdk.saveImages(client, result(image(link("/c.jpg"))), directory);

      expect(paths(first)).toEqual([
        join(directory, "image-20260102T030405Z-0.png"),
        join(directory, "image-20260102T030405Z-1-2.png"),
      ]);
      expect(paths(second)).toEqual([join(directory, "image-20260102T030405Z-0.jpg")]);
      server.reply(bytes(200, PNG, "image/png"));
      const third = await sdk.saveImages(client, result(image(link("/a.png"))), directory);
      expect(paths(third)).toEqual([join(directory, "image-20260102T030405Z-0-2.png")]);
      expect(await readFile(join(directory, "image-20260102T030405Z-1.png"), "utf8")).toBe("the user's own file");
      expect(await files(directory)).toHaveLength(5);
    });

    test("writes each image as it arrives: the first file exists before the last image has answered", async () => {
      const client = clientFor(sdk, server);
      const directory = folder();
      const firstFile = join(directory, "image-20260102T030405Z-0.png");
      server.reply(
        byPath({
          "/a.png": bytes(200, PNG, "image/png"),
          "/b.png": after(() => existsSync(firstFile), bytes(200, JPEG, "image/jpeg")),
        }),
      );

      const outcomes = await sdk.saveImages(client, result(image(link("/a.png")), image(link("/b.png"))), directory);

      expect(outcomes.map((o) => o.status)).toEqual(["saved", "saved"]);
    });

    test("a failed image leaves the others saved and reports its error; a result without `created` names files by content", async () => {
      server.reply(
        byPath({ "/a.png": bytes(200, PNG, "image/png"), "/gone.png": bytes(404, "expired", "text/plain") }),
      );
      const client = clientFor(sdk, server, { maxRetries: 0 });
      const directory = folder();
      const layered: LayerizeTextResponse = {
        base_image_url: link("/a.png"),
        original_image_url: link("/gone.png"),
        seed: 1,
      };

      const outcomes = await sdk.saveImages(client, layered, directory);

      expect(outcomes[0]).toMatchObject({
        status: "saved",
        path: expect.stringMatching(/image-[0-9a-f]{12}-base_image\.png$/),
      });
      expect(outcomes[1]).toMatchObject({
        status: "failed",
        url: link("/gone.png"),
        error: { name: "NotFoundError", status: 404 },
      });
      expect(await files(directory)).toHaveLength(1);
    });

    test("a prefix with a path separator is refused before anything is sent", async () => {
      server.reply(bytes(200, PNG, "image/png"));
      const client = clientFor(sdk, server);

      const error = await rejectionOf(
        sdk.saveImages(client, result(image(link("/a.png"))), folder(), { prefix: "../escape" }),
      );

      expect(error).toMatchObject({ name: "SdkError" });
      expect(server.requests).toHaveLength(0);
    });
  });
});
