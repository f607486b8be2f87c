import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PNG } from "../support/images";
import { field, multipartParts } from "../support/multipart";
import { bytes } from "../support/replies";
import { WireServer, json, type Reply } from "../support/wire-server";
import { INSTALL, ROOT, npm, packCheckout } from "../support/tarball.js";

/**
 * examples/consumer as its users run it, following the README's "Use it in your repository": a
 * fresh copy of the project in a temporary folder, the generator installed from the tarball that
 * `npm pack` makes of this checkout (never a link), its npm scripts, its own strict tsc, and its
 * compiled main.ts against a local server standing in for the Ideogram API.
 */
const example = path.join(ROOT, "examples", "consumer");
const API_KEY = "test-key-5f2a";
/** Generous: npm starts slowly on a busy CI machine, and an install may have to fetch what its cache lacks. */
const TIMEOUT = 180_000;
const IMAGE_PATH = "/api/images/ephemeral/lighthouse.png?exp=1767323045&signature=3f1c9a";

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
let packed: ReturnType<typeof packCheckout>;
/** The fresh project: `<work>/examples/consumer`, the tarball at `<work>/`, where its package.json expects it. */
let consumer: string;
const inConsumer = (args: string[], env: Record<string, string> = {}) => npm(args, { cwd: consumer, env });

beforeAll(async () => {
  packed = packCheckout();
  consumer = path.join(packed.work, "examples", "consumer");
  cpSync(example, consumer, { recursive: true, filter: (source) => !/[\\/](node_modules|dist|images)$/.test(source) });
  const install = await inConsumer([...INSTALL]);
  if (install.status !== 0) throw new Error(`npm install in a copy of examples/consumer failed:\n${install.stderr}`);
  server = await new WireServer().start();
}, TIMEOUT);

afterAll(async () => {
  await server?.stop();
  if (packed) rmSync(packed.work, { recursive: true, force: true });
});

test("the tarball holds what the CLI needs at run time and nothing of the repository's own tooling", () => {
  const files = packed.report.files.map((f) => f.path);
  for (const required of ["bin/ideogram-codegen.js", "dist/cli/main.js", "dist/load/validators/openapi-3.1.js", "templates/runtime/client-core.ts"]) {
    expect(files).toContain(required);
  }
  for (const shipped of ["specs/ideogram-openapi.yml", "specs/ideogram.config.json", "src/config/config.schema.json", "LICENSE", "README.md"]) {
    expect(files).toContain(shipped);
  }
  expect(files.filter((f) => /^(test|bench|examples|\.ci|generated)\/|^src\/.*\.ts$|\.map$|\.tgz$/.test(f))).toEqual([]);
  // Installed from a tarball, nothing needs a build step or an install script.
  const installed = path.join(consumer, "node_modules", "ideogram-codegen");
  const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8")) as { private?: boolean; scripts?: Record<string, string> };
  expect(manifest.private).toBeUndefined();
  expect(Object.keys(manifest.scripts ?? {}).filter((s) => /^(pre|post)?install$/.test(s))).toEqual([]);
});

test("the package's prepare (which builds a git dependency's clone) does nothing where dist/ is built, so approving it is harmless", async () => {
  const installed = path.join(consumer, "node_modules", "ideogram-codegen");
  const built = statSync(path.join(installed, "dist", "cli", "main.js")).mtimeMs;
  expect(await npm(["run", "--silent", "prepare"], { cwd: installed })).toMatchObject({ status: 0, stderr: "" });
  expect(statSync(path.join(installed, "dist", "cli", "main.js")).mtimeMs).toBe(built);
});

test(
  "a git+file: dependency installs the generator built: npm installs the clone's devDependencies and runs its prepare, which builds dist/",
  async () => {
    const project = path.join(packed.work, "git-consumer");
    mkdirSync(project);
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "git-consumer", version: "1.0.0", private: true }));
    const install = await npm([...INSTALL, "--save-dev", `git+file://${ROOT}`], { cwd: project, timeout: 300_000 });
    expect(install.status).toBe(0);
    // npm 11 lists the installed copy's prepare as unapproved; it is the only script it names, and nothing needs it.
    expect(install.stderr.match(/^npm warn install-scripts {3}\S+.*$/gm) ?? []).toEqual([
      expect.stringMatching(/^npm warn install-scripts {3}ideogram-codegen@[\d.]+ \(prepare: /),
    ]);
    const version = await npm(["exec", "--", "ideogram-codegen", "--version"], { cwd: project });
    expect(version).toMatchObject({ status: 0, stdout: `${JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version}\n` });
  },
  300_000,
);

test(
  "the committed client is current (when this fails: `npm run ideogram:generate` in examples/consumer); `ideogram:generate` then `ideogram:check` keeps it so",
  async () => {
    const imports = "imports: .js (tsconfig.json: moduleResolution nodenext)";
    expect(await inConsumer(["run", "--silent", "ideogram:check"])).toEqual({
      status: 0,
      stdout: `check passed: 21 files in src/ideogram are current; ${imports}\n`,
      stderr: "",
    });
    expect(await inConsumer(["run", "--silent", "ideogram:generate"])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(new RegExp(`^generated fetch: 23 operations, 57 schemas, 21 files in \\d+ ms → src/ideogram; ${escape(imports)}\n$`)),
    });
    expect((await inConsumer(["run", "--silent", "ideogram:check"])).status).toBe(0);
  },
  TIMEOUT,
);

test(
  "`npm run ideogram:check` exits 1 naming a hand-edited file of the client",
  async () => {
    const file = path.join(consumer, "src", "ideogram", "fetch", "types.ts");
    const original = readFileSync(file);
    try {
      appendFileSync(file, "// edited by hand\n");
      const { status, stderr } = await inConsumer(["run", "--silent", "ideogram:check"]);
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
    expect(await inConsumer(["run", "--silent", "build"])).toEqual({ status: 0, stdout: "", stderr: "" });
  },
  TIMEOUT,
);

// These run the dist/ that the build test above compiled.
describe("`npm start` against a local server", () => {
  const start = (folder: string) =>
    inConsumer(["start", "--silent", "--", "a lighthouse at dusk", folder], {
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
      const folder = path.join(packed.work, "images");

      const { status, stdout, stderr } = await start(folder);
      expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
      // Named after the result's creation time, so a second run into the folder adds files instead of replacing them.
      expect(stdout).toBe(`${path.join(folder, "image-20260102T030405Z-0.png")}\n`);
      expect(readFileSync(path.join(folder, "image-20260102T030405Z-0.png"))).toEqual(PNG);

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
      const { status, stdout, stderr } = await start(path.join(packed.work, "unsaved"));
      expect({ status, stdout }).toEqual({ status: 1, stdout: "" });
      expect(stderr).toMatch(/^error: 401 POST \/v1\/ideogram-v3\/generate: .*Invalid API key.*\n$/);
      expect(stderr).not.toContain(API_KEY);
    },
    TIMEOUT,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
