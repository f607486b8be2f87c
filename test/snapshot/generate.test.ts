import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { generate, type GenerateRequest, type GenerateResult } from "../../src/generate";
import { writeReadmeModules } from "../support/readme-blocks.js";
import { IDEOGRAM_REQUEST, ROOT, featureFixtures, fixture, fixtureRequest } from "../support/specs";
import { typeCheckFolder, writeGenerated } from "../support/typescript";

/** Static copies of templates/runtime: only their names are snapshotted. */
const isRuntime = (file: string) => file.split("/")[1] === "runtime";
/** The files in which the axios variant may differ from the fetch variant: its transport and README. */
const VARIANT_SPECIFIC = new Set(["runtime/transport.ts", "README.md"]);
/** Snapshotted: every fetch file outside runtime/, and the axios README; the rest of axios equals fetch. */
const isSnapshotted = (file: string) =>
  file.startsWith("fetch/") ? !isRuntime(file) : file === "axios/README.md";

const IDEOGRAM = "ideogram-openapi.yml with specs/ideogram.config.json";

const CASES: [string, GenerateRequest][] = [
  ...featureFixtures().map((name): [string, GenerateRequest] => [name, fixtureRequest(name)]),
  [IDEOGRAM, IDEOGRAM_REQUEST],
];

const results = new Map<string, GenerateResult>();
beforeAll(async () => {
  for (const [label, request] of CASES) results.set(label, await generate(request));
}, 120_000);

const output = (label: string): GenerateResult => results.get(label)!;

describe.each(CASES)("%s", (label, request) => {
  test("each generated file (types, params, functions, client, index, node, README) matches its snapshot", () => {
    const { files } = output(label);
    expect([...files.keys()].filter((file) => !isRuntime(file))).toMatchSnapshot("file list");
    for (const [file, text] of files) if (isSnapshotted(file)) expect(text).toMatchSnapshot(file);
  });

  test("the axios client is the fetch client file for file, except its transport and README", () => {
    const { files } = output(label);
    const relative = (variant: string) =>
      [...files.keys()].filter((f) => f.startsWith(`${variant}/`)).map((f) => f.slice(variant.length + 1));
    expect(relative("axios")).toEqual(relative("fetch"));
    for (const file of relative("fetch")) {
      const same = files.get(`fetch/${file}`) === files.get(`axios/${file}`);
      expect({ file, same }).toEqual({ file, same: !VARIANT_SPECIFIC.has(file) });
    }
  });

  test("the runtime is the snapshotted set of static files", () => {
    expect([...output(label).files.keys()].filter(isRuntime)).toMatchSnapshot();
  });

  test("warns exactly as snapshotted (pointer: message)", () => {
    expect(output(label).warnings.map((w) => `${w.pointer}: ${w.message}`)).toMatchSnapshot();
  });

  test("prettier (printWidth 120, trailing commas) changes no generated file: the emitters print its layout", async () => {
    const { layoutDiffers } = require("../support/layout.js") as typeof import("../support/layout.js");
    expect(await layoutDiffers(output(label).files)).toEqual([]);
  });

  test("generating twice gives byte-identical files in the same order", async () => {
    const again = await generate(request);
    expect([...again.files]).toEqual([...output(label).files]);
  });

  test("no file contains an absolute path or a timestamp", () => {
    const forbidden = [ROOT, process.cwd(), tmpdir(), "/work/", "/home/", "/Users/"];
    for (const [file, text] of output(label).files) {
      for (const fragment of forbidden) expect({ file, containsPath: text.includes(fragment) }).toEqual({ file, containsPath: false });
      expect({ file, timestamp: text.match(/\d{4}-\d\d-\d\dT?\s?\d\d:\d\d|\b\d\d:\d\d:\d\d\b/)?.[0] }).toEqual({ file, timestamp: undefined });
    }
  });
});

test("the Ideogram clients are printed in prettier's layout without running prettier", () => {
  expect(output(IDEOGRAM).formattedByPrettier).toEqual([]);
});

test("the Ideogram output equals the committed generated/fetch and generated/axios (run `ideogram-codegen generate` when this fails)", () => {
  const { files } = output(IDEOGRAM);
  const committed = ["fetch", "axios"]
    .flatMap((variant) =>
      readdirSync(path.join(ROOT, "generated", variant), { recursive: true, encoding: "utf8" })
        .filter((relative) => statSync(path.join(ROOT, "generated", variant, relative)).isFile())
        .map((relative) => `${variant}/${relative.split(path.sep).join("/")}`),
    )
    .sort();
  expect(committed).toEqual([...files.keys()].sort());
  for (const [file, text] of files) {
    expect({ file, current: readFileSync(path.join(ROOT, "generated", file), "utf8") === text }).toEqual({ file, current: true });
  }
});

describe("type-check", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "codegen-fixtures-tsc-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("every fixture's client compiles under the strict settings of test/types/tsconfig.json, with its usage file and README examples", () => {
    for (const name of featureFixtures()) {
      const folder = path.join(work, name.replace(/\.yml$/, ""));
      const { files } = output(name);
      writeGenerated(folder, files);
      writeReadmeModules(folder, files, ["fetch", "axios"]);
      // test/fixtures/usage/<feature>.ts uses the client as a caller would; misuse lines carry @ts-expect-error.
      const usage = fixture("usage", name.replace(/\.yml$/, ".ts"));
      if (existsSync(usage)) copyFileSync(usage, path.join(folder, "usage.ts"));
    }
    const { status, output: printed } = typeCheckFolder(work);
    expect(printed).toBe("");
    expect(status).toBe(0);
  }, 120_000);
});
