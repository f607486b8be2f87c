import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { JS_CLIENTS } from "../support/js-clients.js";
import { TempDir } from "../support/uploads";

/**
 * Runs in a Node process of its own: Node's fetch keeps its dispatcher on the real global object,
 * which jest's sandbox does not share. The global dispatcher is given 500 ms header and body
 * limits (Node's defaults are 300 s); the server answers after 2.5 s.
 */
const SCRIPT = `
import { createServer } from "node:http";
const { Ideogram } = await import(process.argv[2]);
let requests = 0;
const server = createServer((request, response) => {
  requests++;
  request.resume();
  request.on("end", () => setTimeout(() => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify({ created: "2026-01-02T03:04:05Z", data: [] }));
  }, 2500));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = "http://127.0.0.1:" + server.address().port;
await fetch("data:,");
const GLOBAL = Symbol.for("undici.globalDispatcher.1");
globalThis[GLOBAL] = new globalThis[GLOBAL].constructor({ headersTimeout: 500, bodyTimeout: 500 });
const outcome = async (call) => call.then(() => "ok", (error) => error.cause?.code ?? error.code ?? error.message);
const plainFetch = await outcome(fetch(baseUrl, { method: "POST", body: "x" }));
requests = 0;
const client = new Ideogram({ apiKey: "sk-test", baseUrl, timeout: 10_000 });
const viaClient = await outcome(client.generate.generateImageV3({ prompt: "a lighthouse" }));
// A dispatcher set after the client's first call (a proxy, a mock) is the one its next calls use,
// each with the limits of its own timeout.
const limitsSeen = [];
const limited = globalThis[GLOBAL];
globalThis[GLOBAL] = {
  dispatch: (options, handler) => (limitsSeen.push([options.headersTimeout, options.bodyTimeout]), limited.dispatch(options, handler)),
};
const laterCalls = [
  await outcome(client.generate.generateImageV3({ prompt: "a lighthouse" }, { timeout: 4_000 })),
  await outcome(client.generate.generateImageV3({ prompt: "a lighthouse" })),
];
console.log(JSON.stringify({ plainFetch, viaClient, laterCalls, limitsSeen, requests }));
server.close();
`;

describe("the fetch client in Node", () => {
  let temp: TempDir;
  beforeAll(async () => {
    temp = await TempDir.create();
  });
  afterAll(() => temp.remove());

  test("a client timeout longer than Node fetch's own header limit applies, per call and through a dispatcher set later, each call sent once", async () => {
    const script = await temp.file("limits.mjs", SCRIPT);
    const client = path.join(JS_CLIENTS, "fetch", "node.js");

    const run = spawnSync(process.execPath, ["--no-warnings", script, client], { encoding: "utf8", timeout: 30_000 });

    expect(run.stderr).toBe("");
    // The limit is real: fetch on its own fails at it.
    expect(JSON.parse(run.stdout)).toEqual({
      plainFetch: "UND_ERR_HEADERS_TIMEOUT",
      viaClient: "ok",
      laterCalls: ["ok", "ok"],
      limitsSeen: [
        [5_000, 5_000],
        [11_000, 11_000],
      ],
      requests: 3,
    });
  });
});
