"use strict";
// Client overhead (issue 5): the generated fetch and axios clients against hand-written fetch and
// axios calls that send the same bytes to a local node:http server, for a JSON GET (listDatasets)
// and a multipart POST with a 100 KB style reference image (generateImageV3). Sequential calls,
// raw and client interleaved one by one. The hand-written calls do what a careful one does: carry a
// timeout signal of the client's default timeout (300 s). The budget is client ≤ 1.05 × raw per call.
const { existsSync, mkdirSync, symlinkSync } = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const { isDeepStrictEqual } = require("node:util");
const { RUNS, stats, spread } = require("./lib/measure.js");

const ROOT = path.resolve(__dirname, "..");
const CALLS = 2000;
const API_KEY = "bench-api-key-0123456789";
const PROMPT = "A lighthouse on a basalt cliff at dusk, warm window light, long exposure";
const FILE_NAME = "style.png";
const FILE_TYPE = "image/png";
const FILE_BYTES = 100 * 1024;
/** The generated clients' default timeout, which the raw calls carry as `AbortSignal.timeout`. */
const TIMEOUT_MS = 300_000;

const LIST_PATH = "/datasets";
const GENERATE_PATH = "/v1/ideogram-v3/generate";

/** Response bodies shaped as the spec's ListDatasetsResponse and ImageGenerationResponseV3. */
const REPLIES = {
  [`GET ${LIST_PATH}`]: {
    datasets: [1, 2, 3].map((n) => ({
      dataset_id: `ds_${String(n).repeat(12)}`,
      name: `Product shots ${n}`,
      user_id: "user_5f3a9c0d7e2b",
      creation_time: `2025-0${n}-14T09:2${n}:00Z`,
      cover_asset_identifier: { asset_type: "UPLOAD", asset_id: `asset_${n}a7c93e1` },
    })),
  },
  [`POST ${GENERATE_PATH}`]: {
    created: "2025-06-02T11:45:07.318Z",
    data: [
      {
        url: "https://ideogram.ai/api/images/ephemeral/2f8bW0qKQXu1mZ9c.png?exp=1748865907&signature=0c1d2e3f4a5b6c7d",
        prompt: PROMPT,
        resolution: "1024x1024",
        is_image_safe: true,
        seed: 12345,
        style_type: "GENERAL",
      },
    ],
  },
};

/** 100 KB that sniff as PNG: the PNG signature, then a fixed linear congruential sequence. */
function styleImageBytes() {
  const bytes = new Uint8Array(FILE_BYTES);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let state = 0x2545f491;
  for (let i = 8; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP")).length;

/** One server for every call; it drains each body, keeps it only while recording, and answers JSON. */
async function startServer() {
  const replies = new Map(Object.entries(REPLIES).map(([route, body]) => [route, Buffer.from(JSON.stringify(body))]));
  const before = tcpHandles();
  let recorded = null;
  const server = http.createServer((req, res) => {
    const chunks = recorded ? [] : null;
    req.on("data", (chunk) => chunks?.push(chunk));
    req.on("end", () => {
      if (chunks)
        recorded.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      const reply = replies.get(`${req.method} ${req.url}`);
      if (!reply) {
        res.writeHead(404, { "content-type": "application/json" }).end(`{"error":"no route ${req.method} ${req.url}"}`);
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": reply.length }).end(reply);
    });
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    /** The one request `send` makes, as the server received it. */
    async record(send) {
      recorded = [];
      try {
        const result = await send();
        if (recorded.length !== 1) throw new Error(`expected one request, the server received ${recorded.length}`);
        return { request: recorded[0], result };
      } finally {
        recorded = null;
      }
    },
    /**
     * Closes the server and its connections, then waits (up to a second) while libuv finishes
     * closing the listening socket, the server's sockets and the clients' idle keep-alive sockets.
     */
    async close() {
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      const deadline = performance.now() + 1000;
      while (tcpHandles() > before && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
}

/**
 * Bundles generated/<variant>/index.ts into `work` and loads it. axios stays external and is found
 * through a link to the root's node_modules, so client and raw calls share one axios and one agent.
 */
async function loadVariant(work, variant) {
  const esbuild = require("esbuild");
  const modules = path.join(work, "node_modules");
  mkdirSync(modules, { recursive: true });
  if (!existsSync(path.join(modules, "axios")))
    symlinkSync(path.join(ROOT, "node_modules", "axios"), path.join(modules, "axios"), "dir");
  const outfile = path.join(work, "client-overhead", `${variant}.cjs`);
  await esbuild.build({
    entryPoints: [path.join(ROOT, "generated", variant, "index.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile,
    external: ["axios"],
    logLevel: "silent",
  });
  return require(outfile);
}

/** The eight call shapes: per variant, the generated client and the hand-written call, per call kind. */
function callers({ baseUrl, fetchModule, axiosModule }) {
  const axios = require("axios");
  const styleImage = new File([styleImageBytes()], FILE_NAME, { type: FILE_TYPE });
  // The clients' User-Agent, which verifySameBytes copies here from their first request: the raw calls send it too.
  const headers = { fetch: { accept: "application/json", "api-key": API_KEY }, axios: { accept: "application/json", "api-key": API_KEY } };
  const form = () => {
    const body = new FormData();
    body.append("prompt", PROMPT);
    body.append("style_reference_images", styleImage);
    return body;
  };
  const generateParams = () => ({ prompt: PROMPT, style_reference_images: [styleImage] });
  const fetchClient = new fetchModule.Ideogram({ apiKey: API_KEY, baseUrl });
  const axiosClient = new axiosModule.Ideogram({ apiKey: API_KEY, baseUrl });

  const fetchJson = async (response) => {
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
    return response.json();
  };
  return {
    headers,
    fetch: {
      listDatasets: {
        raw: async () => fetchJson(await fetch(`${baseUrl}${LIST_PATH}`, { headers: headers.fetch, signal: AbortSignal.timeout(TIMEOUT_MS) })),
        client: () => fetchClient.datasets.listDatasets(),
      },
      generateImageV3: {
        raw: async () =>
          fetchJson(
            await fetch(`${baseUrl}${GENERATE_PATH}`, { method: "POST", headers: headers.fetch, body: form(), signal: AbortSignal.timeout(TIMEOUT_MS) }),
          ),
        client: () => fetchClient.generate.generateImageV3(generateParams()),
      },
    },
    axios: {
      listDatasets: {
        raw: async () => (await axios.get(`${baseUrl}${LIST_PATH}`, { headers: headers.axios, signal: AbortSignal.timeout(TIMEOUT_MS) })).data,
        client: () => axiosClient.datasets.listDatasets(),
      },
      generateImageV3: {
        raw: async () => (await axios.post(`${baseUrl}${GENERATE_PATH}`, form(), { headers: headers.axios, signal: AbortSignal.timeout(TIMEOUT_MS) })).data,
        client: () => axiosClient.generate.generateImageV3(generateParams()),
      },
    },
  };
}

/**
 * A request reduced to what must match: method, URL, every header but Content-Length (it follows
 * the boundary's length), and the body, with the multipart boundary replaced by a fixed token.
 */
function wireShape({ method, url, headers, body }) {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(headers["content-type"] ?? "")?.[2];
  const unbound = (text) => (boundary ? text.split(boundary).join("<BOUNDARY>") : text);
  const kept = Object.entries(headers)
    .filter(([name]) => name !== "content-length")
    .map(([name, value]) => [name, unbound(String(value))])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { method, url, headers: Object.fromEntries(kept), body: unbound(body.toString("latin1")) };
}

function describeDifference(raw, client) {
  const lines = [];
  if (raw.method !== client.method || raw.url !== client.url)
    lines.push(`request line: raw ${raw.method} ${raw.url}, client ${client.method} ${client.url}`);
  for (const name of new Set([...Object.keys(raw.headers), ...Object.keys(client.headers)])) {
    if (raw.headers[name] !== client.headers[name])
      lines.push(
        `header ${name}: raw ${JSON.stringify(raw.headers[name])}, client ${JSON.stringify(client.headers[name])}`,
      );
  }
  if (raw.body !== client.body) {
    let at = 0;
    while (at < raw.body.length && raw.body[at] === client.body[at]) at++;
    const near = (text) => JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));
    lines.push(
      `body (${raw.body.length} vs ${client.body.length} chars, boundary masked) differs at ${at}: raw ${near(raw.body)}, client ${near(client.body)}`,
    );
  }
  return lines.join("\n  ");
}

/** One recorded request from each side must match on the wire, and both must read the same reply. */
async function verifySameBytes(server, label, pair) {
  const raw = await server.record(pair.raw);
  const client = await server.record(pair.client);
  const difference = describeDifference(wireShape(raw.request), wireShape(client.request));
  if (difference)
    throw new Error(
      `client overhead: ${label}: the raw call and the client send different requests, so timing them would not compare like with like:\n  ${difference}`,
    );
  if (!isDeepStrictEqual(raw.result, client.result))
    throw new Error(`client overhead: ${label}: raw and client calls read different replies`);
}

/** µs for one call. */
async function timeCall(call) {
  const started = performance.now();
  await call();
  return (performance.now() - started) * 1000;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * µs per call, raw and client, over RUNS runs after one warm-up run. A run makes CALLS calls of
 * each, one by one in the order raw, client, client, raw, … so that both see the same background
 * load and neither always goes first; a run's figure is the median of its calls. (Blocks of 200
 * calls, as before, let a burst of load fall on one side: the raw call against itself read 0.90–1.01.)
 */
async function timePair(pair) {
  const raw = [];
  const client = [];
  for (let run = -1; run < RUNS; run++) {
    const us = { raw: [], client: [] };
    for (let i = 0; i < CALLS; i++) {
      for (const side of i % 2 === 0 ? ["raw", "client"] : ["client", "raw"]) us[side].push(await timeCall(pair[side]));
    }
    if (run < 0) continue;
    raw.push(median(us.raw));
    client.push(median(us.client));
  }
  return { raw: stats(raw), client: stats(client) };
}

async function measureClientOverhead({ work }) {
  const [fetchModule, axiosModule] = [await loadVariant(work, "fetch"), await loadVariant(work, "axios")];
  await require("esbuild").stop(); // its service's pipes would outlive the measure; a later build restarts it
  const server = await startServer();
  try {
    const calls = callers({ baseUrl: server.baseUrl, fetchModule, axiosModule });
    const cases = [];
    for (const variant of ["fetch", "axios"]) {
      for (const operation of ["listDatasets", "generateImageV3"]) {
        const kind =
          operation === "listDatasets" ? "listDatasets (JSON GET)" : "generateImageV3 (multipart, 100 KB file)";
        cases.push({
          variant,
          kind,
          label: `${variant} client / raw ${variant}, ${operation}`,
          pair: calls[variant][operation],
        });
      }
    }
    for (const variant of ["fetch", "axios"]) {
      const { request } = await server.record(calls[variant].listDatasets.client);
      calls.headers[variant]["user-agent"] = request.headers["user-agent"];
    }
    for (const { label, pair } of cases) await verifySameBytes(server, label, pair);

    process.stdout.write(
      `\n## client overhead, ${CALLS.toLocaleString("en-US")} calls of each, interleaved; median of ${RUNS} runs (min–max) of each run's median call, µs\n`,
    );
    process.stdout.write(`${"variant".padEnd(8)}${"call".padEnd(44)}${"raw".padEnd(22)}${"client".padEnd(22)}ratio\n`);
    const results = [];
    // The noise floor of this machine: the raw call against itself, measured the same way.
    const control = calls.fetch.listDatasets.raw;
    cases.unshift({ variant: "fetch", kind: "listDatasets: raw / raw (control)", control: true, pair: { raw: control, client: (...args) => control(...args) } });
    for (const { variant, kind, label, pair, control: isControl } of cases) {
      const { raw, client } = await timePair(pair);
      const ratio = client.median / raw.median;
      process.stdout.write(
        `${variant.padEnd(8)}${kind.padEnd(44)}${spread(raw, "µs").padEnd(22)}${spread(client, "µs").padEnd(22)}${ratio.toFixed(2)}\n`,
      );
      if (!isControl) results.push({ label, ratio });
    }
    return results;
  } finally {
    await server.close();
  }
}

module.exports = { measureClientOverhead };
