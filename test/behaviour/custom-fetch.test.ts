import * as path from "node:path";
import { API_KEY, clientFor } from "../support/client";
import { PNG } from "../support/images";
import { field, file, multipartParts } from "../support/multipart";
import { CLIENTS } from "../support/variants";
import { json, WireServer } from "../support/wire-server";

/** undici 7 (the npm package, not Node's bundled copy), from the folder the type tests of the `fetch` option install. */
const FETCH_IMPLS = path.join(__dirname, "..", "types", "fetch-impls");
/** What this test uses of undici, typed here: the suite type-checks before the folder is installed. */
interface Undici {
  fetch(url: string, init: object): Promise<Response>;
  Agent: new (options: { connections: number }) => object & { close(): Promise<void> };
  Response: abstract new (...args: never[]) => unknown;
}
let undici: Undici;

const DATASETS = { datasets: [{ dataset_id: "ds-1", name: "lighthouses" }] };
const RESULT = { created: "2026-01-02T03:04:05Z", data: [{ url: "https://ideogram.ai/a.png", is_image_safe: true }] };

beforeAll(() => {
  const { ensureInstalled } = require("../support/npm-prefix.js") as { ensureInstalled(folder: string, label: string): void };
  ensureInstalled(FETCH_IMPLS, "fetch implementations");
  undici = require(path.join(FETCH_IMPLS, "node_modules", "undici7")) as Undici;
}, 240_000);

describe.each(CLIENTS.filter((c) => c.variant === "fetch"))("$label client with a fetch of the caller's own", ({ sdk }) => {
  const server = new WireServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const upload = { prompt: "a lighthouse", style_codes: ["1A2B3C4D"], style_reference_images: [PNG] };

  test("undici's fetch with a dispatcher of its own sends the bytes Node's fetch sends, and its Response is withResponse()'s", async () => {
    server.reply(json(200, RESULT), json(200, RESULT), json(200, DATASETS));
    await clientFor(sdk, server).generate.generateImageV3(upload);
    const agent = new undici.Agent({ connections: 1 });
    const dispatched: string[] = [];
    const viaUndici = clientFor(sdk, server, {
      fetch: (url, init) => {
        dispatched.push(`${init.method} ${new URL(url).pathname}`);
        return undici.fetch(url, { ...init, dispatcher: agent });
      },
    });

    expect(await viaUndici.generate.generateImageV3(upload)).toEqual(RESULT);
    const { data, response } = await viaUndici.datasets.listDatasets().withResponse();
    await agent.close();

    expect(dispatched).toEqual(["POST /v1/ideogram-v3/generate", "GET /datasets"]);
    expect(data).toEqual(DATASETS);
    expect(response).toBeInstanceOf(undici.Response);
    const [native, custom, list] = server.requests;
    expect(await multipartParts(custom!)).toEqual([
      field("prompt", "a lighthouse"),
      field("style_codes", "1A2B3C4D"),
      file("style_reference_images", "style_reference_images.png", "image/png", PNG),
    ]);
    expect(custom!.body.toString("latin1").replace(/codegen[\w-]+/g, "B")).toBe(native!.body.toString("latin1").replace(/codegen[\w-]+/g, "B"));
    expect(custom!.headers["content-length"]).toBe(String(custom!.body.length));
    expect(custom!.headers["api-key"]).toBe(API_KEY);
    expect(list!.body.length).toBe(0);
  });

  test("a test double is called with the URL as a string and the init its type names, and nothing else", async () => {
    const sentBefore = server.requests.length;
    const seen: { url: unknown; init: Record<string, unknown> }[] = [];
    const client = clientFor(sdk, server, {
      fetch: async (url, init) => {
        seen.push({ url, init: { ...init } });
        return new Response(JSON.stringify(RESULT), { headers: { "content-type": "application/json" } });
      },
    });

    await client.generate.generateImageV3(upload);
    await client.datasets.listDatasets();

    expect(server.requests).toHaveLength(sentBefore);
    expect(seen.map(({ url, init }) => [typeof url, Object.keys(init).sort(), init.method, init.redirect])).toEqual([
      ["string", ["body", "headers", "method", "redirect", "signal"], "POST", "manual"],
      ["string", ["body", "headers", "method", "redirect", "signal"], "GET", "manual"],
    ]);
    const [post, get] = seen.map((s) => s.init);
    expect(post!.body).toBeInstanceOf(Blob);
    expect(Object.getPrototypeOf(post!.headers)).toBe(Object.prototype);
    expect(post!.headers).toMatchObject({ "api-key": API_KEY, "content-type": expect.stringMatching(/^multipart\/form-data; boundary=/) });
    expect(post!.signal).toBeInstanceOf(AbortSignal);
    expect(get!.body).toBeNull();
  });
});
