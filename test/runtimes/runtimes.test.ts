import { multipartParts, type WirePart } from "../support/multipart";
import { WireServer, type RecordedRequest } from "../support/wire-server";
import { API_KEY, JPEG, PALETTE, PNG, STEPS, type Report } from "./scenario";
import { bundleForBrowser } from "./bundle";
import { scenarioReplies, splitPreflights } from "./scenario-server";
import { ROWS, prepareRuntimes, type Row } from "./rows";
import { textTable } from "../support/text-table";

/**
 * The runtime matrix: the scenario (`scenario.ts`) in every runtime the generated clients promise
 * to run in, each against a fresh scenario server. Every row must pass every caller-side check
 * and put the same bytes on the wire; the table printed at the end says which runtime did what.
 */

interface Outcome {
  row: Row;
  report?: Report;
  wire?: WireSummary;
  userAgent?: string;
  failure?: string;
  ms: number;
}
const outcomes: Outcome[] = [];

beforeAll(() => prepareRuntimes(), 600_000);

afterAll(() => process.stdout.write(`\n${table(outcomes)}\n`));

/** What a row's requests carried, with the multipart boundary masked: equal for every row. */
interface WireSummary {
  requests: { method: string; url: string; apiKey: unknown; accept: unknown; contentType: unknown; body: string }[];
  parts: WirePart[];
}

let first: WireSummary | undefined;

describe("the main entries are for browsers and edge runtimes", () => {
  test.each(["fetch", "axios"] as const)(
    "esbuild's browser bundle of generated/%s/index.ts reaches no node: module and no Node helper",
    async (variant) => {
      const bundle = await bundleForBrowser(
        `export * from "../../generated/${variant}/index.ts";`,
        `${variant}-index.ts`,
      );
      // The whole client is in it: the client class and the error classes callers test against.
      expect(bundle).toMatch(/var Ideogram = class extends IdeogramCore/);
      expect(bundle).toMatch(/var ApiError = class extends SdkError/);
    },
  );

  test("the check would notice: bundling the Node entry fails", async () => {
    await expect(bundleForBrowser('export * from "../../generated/fetch/node.ts";', "fetch-node.ts")).rejects.toThrow(
      /node:/,
    );
  });
});

describe.each(ROWS.map((row) => [row.name, row] as const))("%s", (_name, row) => {
  test("runs the scenario: every check passes on the caller's side and on the wire", async () => {
    const server = await new WireServer().start();
    server.reply(scenarioReplies(server));
    const outcome: Outcome = { row, ms: 0 };
    outcomes.push(outcome);
    const started = Date.now();
    try {
      outcome.report = await row.run(server.url);
      outcome.ms = Date.now() - started;
      expect(outcome.report.checks).toEqual(Object.fromEntries(STEPS.map((step) => [step, "ok"])));
      const { calls, preflights } = splitPreflights(server.requests);
      outcome.wire = await summarize(calls);
      expect(outcome.wire.parts).toEqual(EXPECTED_PARTS);
      expect(outcome.wire.requests).toEqual(EXPECTED_REQUESTS);
      // Every request names the client, the variant and this runtime (a browser's names the browser).
      const agents = [...new Set(calls.map((r) => String(r.headers["user-agent"])))];
      outcome.userAgent = agents.join(" | ");
      expect(agents).toEqual([typeof row.userAgent === "string" ? row.userAgent : expect.stringMatching(row.userAgent)]);
      // Beyond what the rules name: the very bytes, boundary aside, are the first row's.
      first ??= outcome.wire;
      expect(outcome.wire).toEqual(first);
      // Cross-origin with an API key header: the browser asked first, every time. The image
      // download carries no key and only safelisted headers: a simple request, never preflighted.
      expect(preflights.map((p) => [p.url, p.headers["access-control-request-headers"]])).toEqual(
        row.browser ? calls.filter((r) => r.url !== IMAGE).map((r) => [r.url, expect.stringContaining("api-key")]) : [],
      );
    } catch (error) {
      // Errors from modules jest loaded may come from another realm: String() reads them all.
      outcome.failure = String(error instanceof Error ? error.message : error).split("\n")[0];
      throw error;
    } finally {
      await server.stop();
    }
  }, 120_000);
});

const BOUNDARY = "<boundary>";

async function summarize(requests: RecordedRequest[]): Promise<WireSummary> {
  const multipart = requests.find((r) => r.url === "/v1/ideogram-v3/generate");
  const boundary = /boundary=([^;\s]+)/.exec(String(multipart?.headers["content-type"]))?.[1];
  const mask = (text: string) => (boundary ? text.split(boundary).join(BOUNDARY) : text);
  return {
    requests: requests.map((r) => ({
      method: r.method,
      url: r.url,
      apiKey: r.headers["api-key"],
      accept: r.headers["accept"],
      contentType: r.headers["content-type"] === undefined ? undefined : mask(String(r.headers["content-type"])),
      body: mask(r.body.toString("latin1")),
    })),
    parts: multipart ? await multipartParts(multipart) : [],
  };
}

const json = { apiKey: API_KEY, accept: "application/json" };
const IMAGE = "/images/1.png";
const EXPECTED_REQUESTS = [
  {
    ...json,
    method: "POST",
    url: "/v1/ideogram-v3/generate",
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: expect.any(String),
  },
  // The result's link: no key, and the same Accept from every runtime and transport.
  { apiKey: undefined, accept: "image/*, */*;q=0.8", method: "GET", url: IMAGE, contentType: undefined, body: "" },
  { ...json, method: "POST", url: "/datasets", contentType: "application/json", body: '{"name":"cats & dogs"}' },
  { ...json, method: "GET", url: "/models?status=TRAINING&status=COMPLETED", contentType: undefined, body: "" },
  // The 429, then the same request again after the second Retry-After asked for.
  { ...json, method: "GET", url: "/datasets/ds%201%2Fa", contentType: undefined, body: "" },
  { ...json, method: "GET", url: "/datasets/ds%201%2Fa", contentType: undefined, body: "" },
  { ...json, method: "GET", url: "/models/slow", contentType: undefined, body: "" },
  { ...json, method: "GET", url: "/datasets", contentType: undefined, body: "" },
  {
    ...json,
    method: "POST",
    url: "/v1/ideogram-v3/train-model",
    contentType: "application/json",
    body: '{"dataset_id":"ds-1","model_name":"my model"}',
  },
];

/** DESIGN.md §3: repeated text parts, JSON text without a filename, named file parts, no part for the absent field. */
const EXPECTED_PARTS: WirePart[] = [
  { name: "prompt", field: "a lighthouse at dusk" },
  { name: "color_palette", field: JSON.stringify(PALETTE) },
  { name: "style_codes", field: "1A2B3C4D" },
  { name: "style_codes", field: "5E6F7A8B" },
  { name: "style_reference_images", filename: "style.png", contentType: "image/png", bytes: Buffer.from(PNG) },
  {
    name: "style_reference_images",
    filename: "style_reference_images.jpg",
    contentType: "image/jpeg",
    bytes: Buffer.from(JPEG),
  },
];

/** Runtime × checks passed, the time the scenario took, how the runtime's own FormData names a Blob, and the User-Agent sent. */
function table(rows: readonly Outcome[]): string {
  const lines = rows.map((o) => {
    const passed = o.report ? STEPS.filter((s) => o.report!.checks[s] === "ok").length : 0;
    const wire = o.wire ? "same bytes" : "-";
    return [
      o.row.name,
      `${passed}/${STEPS.length}`,
      wire,
      o.ms ? `${(o.ms / 1000).toFixed(1)} s` : "-",
      o.report ? JSON.stringify(o.report.formDataBlobFilename) : "-",
      o.userAgent?.replace(/^Mozilla\/5\.0 .*(HeadlessChrome\/\S+).*$/, "(the browser's) $1") ?? "-",
      o.failure ?? "",
    ];
  });
  return textTable(["runtime", "checks", "wire", "time", "FormData Blob filename", "User-Agent", "failure"], lines);
}
