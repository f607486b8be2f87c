import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PNG } from "../support/images";
import { field, multipartParts } from "../support/multipart";
import { bytes } from "../support/replies";
import { WireServer, json, type Reply } from "../support/wire-server";

/**
 * examples/consumer as its users run it: installed from its lockfile (this package linked through
 * `file:../..`), its npm scripts, and its compiled main.ts against a local server standing in for
 * the Ideogram API.
 */
const consumer = path.resolve(__dirname, "..", "..", "examples", "consumer");
const API_KEY = "test-key-5f2a";
/** Generous: npm starts slowly on a busy CI machine, and `npm ci` may have to fetch what its cache lacks. */
const TIMEOUT = 180_000;
const IMAGE_PATH = "/api/images/ephemeral/lighthouse.png?exp=1767323045&signature=3f1c9a";

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs npm in the consumer: asynchronously, so that the server in this process can answer meanwhile,
 * and stopped after two minutes, so that a hung run fails the test instead of outliving it.
 */
function npm(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const child = spawn("npm", args, { cwd: consumer, env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 120_000 });
  const outcome: Outcome = { status: null, stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (text: string) => (outcome.stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (outcome.stderr += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ ...outcome, status }));
  });
}

/** A v3 generate result as the API sends it, its one image linked back to the same server. */
const generated = (server: WireServer) => ({
  created: "2026-01-02T03:04:05Z",
  data: [
    {
      url: `${server.url}${IMAGE_PATH}`,
      prompt: "A lighthouse on a cliff at dusk, painted in loose watercolour",
      resolution: "1312x736",
      is_image_safe: true,
      seed: 81723,
      style_type: "GENERAL",
    },
  ],
});

let server: WireServer;
let work: string;

beforeAll(async () => {
  // The package's own `prepare` would rebuild dist/ under the other test files; `npm test` built it already.
  const install = await npm(["ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"]);
  if (install.status !== 0) throw new Error(`npm ci in examples/consumer failed:\n${install.stderr}`);
  server = await new WireServer().start();
  work = mkdtempSync(path.join(tmpdir(), "codegen-consumer-"));
}, TIMEOUT);

afterAll(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  for (const folder of ["node_modules", "dist"]) rmSync(path.join(consumer, folder), { recursive: true, force: true });
});

test(
  "the committed client is current (when this fails: `npm run generate` in examples/consumer); `npm run generate` then `npm run check` keeps it so",
  async () => {
    expect(await npm(["run", "--silent", "check"])).toEqual({
      status: 0,
      stdout: "check passed: 18 files in src/ideogram are current\n",
      stderr: "",
    });
    expect(await npm(["run", "--silent", "generate"])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(
        /^generated fetch: 23 operations, 57 schemas, 18 files in \d+ ms → src\/ideogram\n$/,
      ),
    });
    expect((await npm(["run", "--silent", "check"])).status).toBe(0);
  },
  TIMEOUT,
);

test(
  "`npm run check` exits 1 naming a hand-edited file of the client",
  async () => {
    const file = path.join(consumer, "src", "ideogram", "fetch", "types.ts");
    const original = readFileSync(file);
    try {
      appendFileSync(file, "// edited by hand\n");
      const { status, stderr } = await npm(["run", "--silent", "check"]);
      expect(status).toBe(1);
      expect(stderr).toBe(
        "changed: fetch/types.ts\n1 generated file stale in src/ideogram: run ideogram-codegen generate\n",
      );
    } finally {
      writeFileSync(file, original);
    }
  },
  TIMEOUT,
);

test(
  "`npm run build` type-checks main.ts and the client under --strict and compiles them",
  async () => {
    expect(await npm(["run", "--silent", "build"])).toEqual({ status: 0, stdout: "", stderr: "" });
  },
  TIMEOUT,
);

// These run the dist/ that the build test above compiled.
describe("`npm start` against a local server", () => {
  const start = (folder: string) =>
    npm(["start", "--silent", "--", "a lighthouse at dusk", folder], {
      IDEOGRAM_API_KEY: API_KEY,
      IDEOGRAM_BASE_URL: server.url,
    });

  test(
    "generates an image, downloads it from the result's link and saves it",
    async () => {
      const route: Reply = (request, response) =>
        (request.url.startsWith("/v1/") ? json(200, generated(server)) : bytes(200, PNG, "image/png"))(
          request,
          response,
        );
      server.reply(route);
      const folder = path.join(work, "images");

      const { status, stdout, stderr } = await start(folder);
      expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
      expect(stdout).toBe(`${path.join(folder, "image-0.png")}\n`);
      expect(readFileSync(path.join(folder, "image-0.png"))).toEqual(PNG);

      const [generate, download] = server.requests;
      expect(server.requests).toHaveLength(2);
      expect(generate).toMatchObject({ method: "POST", url: "/v1/ideogram-v3/generate" });
      expect(generate!.headers["api-key"]).toBe(API_KEY);
      expect(await multipartParts(generate!)).toEqual([
        field("prompt", "a lighthouse at dusk"),
        field("aspect_ratio", "16x9"),
        field("rendering_speed", "TURBO"),
      ]);
      // The link is signed: the download carries no key.
      expect(download).toMatchObject({ method: "GET", url: IMAGE_PATH });
      expect(download!.headers["api-key"]).toBeUndefined();
    },
    TIMEOUT,
  );

  test(
    "an API error is printed as one line without the key, and exits 1",
    async () => {
      server.reply(json(401, { message: "Invalid API key" }));
      const { status, stdout, stderr } = await start(path.join(work, "unsaved"));
      expect({ status, stdout }).toEqual({ status: 1, stdout: "" });
      expect(stderr).toMatch(/^error: 401 POST \/v1\/ideogram-v3\/generate: .*Invalid API key.*\n$/);
      expect(stderr).not.toContain(API_KEY);
    },
    TIMEOUT,
  );
});
