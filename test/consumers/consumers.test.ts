import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PNG } from "../support/images";
import { field, file, multipartParts, type WirePart } from "../support/multipart";
import { WireServer, json, type RecordedRequest } from "../support/wire-server";
import { INSTALL, npm, packCheckout, run, type Outcome } from "../support/tarball.js";
import { textTable } from "../support/text-table";

/**
 * The consumer matrix: each row is a fresh project with the generator installed from the tarball
 * `npm pack` makes of this checkout, the client generated with default settings (the import
 * extension chosen from the project's own tsconfig.json, which is never edited for the client),
 * compiled the way such a project compiles, and run against a local server: every row must put
 * the same bytes on the wire. The compilers and runners come from this folder's package.json,
 * installed once (`npm ci`) and shared by the rows.
 */

const HERE = __dirname;
const TOOLS = path.join(HERE, "node_modules");
const API_KEY = "sk-matrix-3f9d";
const TIMEOUT = 240_000;

const tsc = (version: string) => [process.execPath, path.join(TOOLS, `typescript${version}`, "bin", "tsc")];
const tsx = [process.execPath, path.join(TOOLS, "tsx", "dist", "cli.mjs")];
const deno = [path.join(TOOLS, ".bin", "deno")];

/** What a row's project is made of and how it compiles and runs its `main`. */
interface Setup {
  name: string;
  variant: "fetch" | "axios";
  /** The project's package.json `type`; absent means CommonJS. */
  type?: "module";
  /** Packages the project installs beside the generator. */
  dependencies: string[];
  tsconfig?: Record<string, unknown>;
  /** Extra keys of the project's ideogram-codegen.config.json (it always names output and client). */
  config?: Record<string, unknown>;
  /** The import extension `generate` must choose, as its summary line says it. */
  imports: string;
  main: { file: string; source: (entry: string) => string };
  /** The client's main entry as `main` imports it. */
  entry: string;
  /** Commands run in the project, in order; the last one runs `main` with the server's URL and the key. */
  steps: (server: string) => string[][];
}

const NODE_TYPES = "@types/node@^20.19.43";
const strictNode = { target: "ES2022", strict: true, types: ["node"], skipLibCheck: true };

/**
 * The scenario every row runs, in ES module syntax: a multipart upload and a GET with a path
 * parameter, printing what the client handed back. TypeScript and JavaScript alike (no annotations).
 */
function esModuleMain(entry: string, args = "process.argv.slice(2)"): string {
  return `import { Ideogram, toFile } from "${entry}";
${scenario(args)}`;
}

function scenario(args: string): string {
  return `
const [baseUrl = "", apiKey = ""] = ${args};
const client = new Ideogram({ apiKey, baseUrl });
const style = await toFile(new Uint8Array([${[...PNG].join(", ")}]), "style.png");
const image = await client.generate.generateImageV3({
  prompt: "a lighthouse at dusk",
  aspect_ratio: "16x9",
  style_reference_images: [style],
});
const dataset = await client.datasets.getDataset({ dataset_id: "ds 1/a" });
console.log(JSON.stringify({ url: image.data[0]?.url, dataset: dataset.dataset.name, files: dataset.file_count }));
`;
}

const SETUPS: Setup[] = [
  {
    name: "a. bundler + noEmit, TypeScript 5.9, run with tsx",
    variant: "fetch",
    type: "module",
    dependencies: [NODE_TYPES],
    tsconfig: { ...strictNode, module: "ESNext", moduleResolution: "Bundler", noEmit: true },
    imports: "none",
    entry: "./ideogram/fetch/index",
    main: { file: "src/main.ts", source: (entry) => esModuleMain(entry) },
    steps: (server) => [
      [...tsc("59"), "-p", "."],
      [...tsx, "src/main.ts", server, API_KEY],
    ],
  },
  ...["54", "59", "60", "70"].map(
    (version): Setup => ({
      name: `b. NodeNext compiled to dist by tsc ${version[0]}.${version[1]}, run by node`,
      variant: "fetch",
      type: "module",
      dependencies: [NODE_TYPES],
      tsconfig: { ...strictNode, module: "NodeNext", rootDir: "src", outDir: "dist" },
      imports: ".js",
      entry: "./ideogram/fetch/index.js",
      main: { file: "src/main.ts", source: (entry) => esModuleMain(entry) },
      steps: (server) => [
        [...tsc(version), "-p", "."],
        [process.execPath, "dist/main.js", server, API_KEY],
      ],
    }),
  ),
  {
    name: "c. CommonJS with verbatimModuleSyntax, axios, tsc 5.9, run by node",
    variant: "axios",
    dependencies: [NODE_TYPES, "axios@^1.7.0"],
    tsconfig: { ...strictNode, module: "NodeNext", verbatimModuleSyntax: true, rootDir: "src", outDir: "dist" },
    imports: ".mjs",
    entry: "./ideogram/axios/index.mjs",
    // CommonJS has no top-level await and, under verbatimModuleSyntax, imports with `import x = require()`.
    main: {
      file: "src/main.ts",
      source: (entry) => `import sdk = require("${entry}");
const { Ideogram, toFile } = sdk;
async function main() {${scenario("process.argv.slice(2)")}}
main().catch((error) => {
  console.error(String(error));
  process.exitCode = 1;
});
`,
    },
    steps: (server) => [
      [...tsc("59"), "-p", "."],
      [process.execPath, "dist/main.js", server, API_KEY],
    ],
  },
  {
    name: "d. plain JavaScript on Node 20, emit js, no loader",
    variant: "fetch",
    type: "module",
    dependencies: [],
    config: { emit: "js" },
    imports: ".js",
    entry: "./ideogram/fetch/index.js",
    main: { file: "src/main.js", source: (entry) => esModuleMain(entry) },
    steps: (server) => [[process.execPath, "src/main.js", server, API_KEY]],
  },
  {
    name: "d'. TypeScript 5.4 and 7.0 read the emit js declarations (NodeNext, strict), run with tsx",
    variant: "fetch",
    type: "module",
    dependencies: [NODE_TYPES],
    tsconfig: { ...strictNode, module: "NodeNext", noEmit: true },
    config: { emit: "js" },
    imports: ".js",
    entry: "./ideogram/fetch/index.js",
    main: { file: "src/main.ts", source: (entry) => esModuleMain(entry) },
    steps: (server) => [
      [...tsc("54"), "-p", "."],
      [...tsc("70"), "-p", "."],
      [...tsx, "src/main.ts", server, API_KEY],
    ],
  },
  {
    name: "e. Deno: deno check and deno run of the fetch client's main entry, no @types/node",
    variant: "fetch",
    type: "module",
    dependencies: [],
    imports: ".ts",
    entry: "./ideogram/fetch/index.ts",
    main: { file: "src/main.ts", source: (entry) => esModuleMain(entry, "Deno.args") },
    steps: (server) => [
      [...deno, "check", "src/main.ts", "src/ideogram/fetch/index.ts"],
      [...deno, "run", `--allow-net=${new URL(server).host}`, "src/main.ts", server, API_KEY],
    ],
  },
];

interface RowOutcome {
  setup: Setup;
  chosen?: string;
  result: string;
}
const outcomes: RowOutcome[] = [];
let server: WireServer;
let packed: ReturnType<typeof packCheckout>;

beforeAll(async () => {
  const { ensureInstalled } = require("../support/npm-prefix.js") as { ensureInstalled(folder: string, label: string): void };
  ensureInstalled(HERE, "consumers");
  packed = packCheckout();
  server = await new WireServer().start();
}, TIMEOUT);

afterAll(async () => {
  await server?.stop();
  if (packed) rmSync(packed.work, { recursive: true, force: true });
  process.stdout.write(`\n${table(outcomes)}\n`);
});

const DATASET = {
  dataset: { dataset_id: "ds 1/a", name: "lighthouses", user_id: "u-1", creation_time: "2026-01-02T03:04:05Z" },
  file_count: 3,
  files: [],
  model_ids: [],
};
const IMAGE_URL = "https://ideogram.ai/api/images/ephemeral/abc.png";

describe.each(SETUPS.map((setup) => [setup.name, setup] as const))("%s", (_name, setup) => {
  test(
    "installs from the tarball, generates with the import extension its tsconfig asks for, compiles, and calls the server",
    async () => {
      const outcome: RowOutcome = { setup, result: "failed" };
      outcomes.push(outcome);
      const project = mkdtempSync(path.join(packed.work, "consumer-"));
      const step = async (command: string[], what: string): Promise<Outcome> => {
        const [program, ...args] = command;
        const done = await run(program!, args, { cwd: project });
        if (done.status !== 0) {
          outcome.result = `${what} failed`;
          throw new Error(`${what}: ${command.map((c) => path.basename(c)).join(" ")} exited ${done.status}:\n${done.stdout}\n${done.stderr}`);
        }
        return done;
      };
      writeProject(project, setup);
      const install = await npm([...INSTALL, packed.tarball, ...setup.dependencies], { cwd: project });
      if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
      // Nothing the generator brings along may stand in for types the project did not ask for.
      expect(existsSync(path.join(project, "node_modules", "@types", "node"))).toBe(setup.dependencies.includes(NODE_TYPES));

      const generated = await step(["npm", "run", "--silent", "ideogram:generate"], "generate");
      outcome.chosen = /imports: (.*)$/m.exec(generated.stdout)?.[1];
      expect(outcome.chosen?.split(" ")[0]).toBe(setup.imports);
      await step(["npm", "run", "--silent", "ideogram:check"], "check");

      server.reply((request, response) =>
        (request.method === "GET" ? json(200, DATASET) : json(200, { created: "2026-01-02T03:04:05Z", data: [{ url: IMAGE_URL, is_image_safe: true }] }))(
          request,
          response,
        ),
      );
      const steps = setup.steps(server.url);
      for (const command of steps.slice(0, -1)) await step(command, "compile");
      const ran = await step(steps[steps.length - 1]!, "run");
      expect(JSON.parse(ran.stdout.trim().split("\n").pop()!)).toEqual({ url: IMAGE_URL, dataset: "lighthouses", files: 3 });
      expect(await wire(server.requests)).toEqual(EXPECTED_WIRE);
      outcome.result = "ok";
    },
    TIMEOUT,
  );
});

function writeProject(project: string, setup: Setup): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  };
  // The README's "Use it in your repository": a config naming the output and the variant, and two npm scripts.
  write(
    "package.json",
    JSON.stringify(
      {
        name: "consumer",
        version: "1.0.0",
        private: true,
        ...(setup.type ? { type: setup.type } : {}),
        scripts: { "ideogram:generate": "ideogram-codegen generate", "ideogram:check": "ideogram-codegen check" },
      },
      null,
      2,
    ),
  );
  write("ideogram-codegen.config.json", JSON.stringify({ output: "src/ideogram", clients: [setup.variant], ...setup.config }, null, 2));
  if (setup.tsconfig) write("tsconfig.json", JSON.stringify({ compilerOptions: setup.tsconfig, include: ["src"] }, null, 2));
  write(setup.main.file, setup.main.source(setup.entry));
}

interface Wire {
  method: string;
  url: string;
  apiKey: unknown;
  parts?: WirePart[];
}

async function wire(requests: readonly RecordedRequest[]): Promise<Wire[]> {
  return Promise.all(
    requests.map(async (r) => ({
      method: r.method,
      url: r.url,
      apiKey: r.headers["api-key"],
      ...(r.method === "POST" ? { parts: await multipartParts(r) } : {}),
    })),
  );
}

const EXPECTED_WIRE: Wire[] = [
  {
    method: "POST",
    url: "/v1/ideogram-v3/generate",
    apiKey: API_KEY,
    parts: [field("prompt", "a lighthouse at dusk"), field("aspect_ratio", "16x9"), file("style_reference_images", "style.png", "image/png", PNG)],
  },
  { method: "GET", url: "/datasets/ds%201%2Fa", apiKey: API_KEY },
];

/** Setup × result, with the import extension `generate` chose and its reason. */
function table(rows: readonly RowOutcome[]): string {
  return textTable(["setup", "imports chosen", "result"], rows.map((o) => [o.setup.name, o.chosen ?? "-", o.result]));
}
