import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chooseImportExtension, type ImportChoice } from "../../src/config/import-extension";
import { InputError } from "../../src/diagnostics";

/**
 * `importExtension: auto`: what the nearest tsconfig.json above the output folder (and the nearest
 * package.json) make of it. Each case is a small project on disk; the client goes to src/client.
 */

let root: string;
let cwd: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "codegen-imports-"));
  cwd = process.cwd();
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, unknown>): string {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), typeof content === "string" ? content : JSON.stringify(content));
  }
  return path.join(root, "src", "client");
}

const options = (compilerOptions: Record<string, unknown>) => ({ compilerOptions });
const auto = (out: string, emit: "ts" | "js" = "ts"): ImportChoice => chooseImportExtension(out, undefined, emit);

test("no tsconfig.json above the folder: .ts, which Deno and Node's type stripping load as they are", () => {
  expect(auto(project({ "package.json": { type: "module" } }))).toEqual({ extension: ".ts", reason: "no tsconfig.json above the output folder" });
});

test.each([
  ["NodeNext", "nodenext"],
  ["Node16", "node16"],
])("module %s in an ES module package: .js, naming the file and the resolution", (module, resolution) => {
  const out = project({ "package.json": { type: "module" }, "tsconfig.json": options({ module }) });
  expect(auto(out)).toEqual({ extension: ".js", reason: `tsconfig.json: moduleResolution ${resolution}` });
});

test("moduleResolution Bundler: no extension", () => {
  const out = project({ "tsconfig.json": options({ module: "ESNext", moduleResolution: "Bundler", noEmit: true }) });
  expect(auto(out)).toEqual({ extension: "none", reason: "tsconfig.json: moduleResolution bundler" });
});

test("module commonjs (node10 resolution) without verbatimModuleSyntax: no extension", () => {
  expect(auto(project({ "tsconfig.json": options({ module: "commonjs" }) })).extension).toBe("none");
});

test.each(["allowImportingTsExtensions", "rewriteRelativeImportExtensions"])("%s: .ts, whatever the resolution", (option) => {
  const out = project({ "package.json": { type: "module" }, "tsconfig.json": options({ module: "NodeNext", [option]: true }) });
  expect(auto(out)).toEqual({ extension: ".ts", reason: `tsconfig.json: ${option}` });
});

test.each([
  ["NodeNext outside an ES module package", { module: "NodeNext" }, {}],
  ["module commonjs", { module: "commonjs" }, { type: "module" }],
])("verbatimModuleSyntax where the client would be CommonJS (%s): .mjs, so the files are .mts ES modules", (_case, compilerOptions, pkg) => {
  const out = project({ "package.json": pkg, "tsconfig.json": options({ ...compilerOptions, verbatimModuleSyntax: true }) });
  expect(auto(out)).toEqual({ extension: ".mjs", reason: "tsconfig.json: verbatimModuleSyntax in CommonJS, so .mts files" });
});

test("verbatimModuleSyntax in an ES module package is plain NodeNext: .js", () => {
  const out = project({ "package.json": { type: "module" }, "tsconfig.json": options({ module: "NodeNext", verbatimModuleSyntax: true }) });
  expect(auto(out).extension).toBe(".js");
});

test("extends is followed, and the nearest tsconfig.json above the folder is the one read", () => {
  const out = project({
    "package.json": { type: "module" },
    "tsconfig.json": options({ module: "ESNext", moduleResolution: "Bundler" }),
    "config/base.json": '{\n  // a comment and a trailing comma, as tsconfig files have them\n  "compilerOptions": { "module": "NodeNext", },\n}\n',
    "src/tsconfig.json": { extends: "../config/base.json", compilerOptions: { strict: true } },
  });
  expect(auto(out)).toEqual({ extension: ".js", reason: `${path.join("src", "tsconfig.json")}: moduleResolution nodenext` });
});

test("a configured value wins over the tsconfig, and the reason says where it was set", () => {
  const out = project({ "tsconfig.json": options({ module: "NodeNext" }) });
  expect(chooseImportExtension(out, { value: "none" }, "ts")).toEqual({ extension: "none", reason: "--import-extension" });
  expect(chooseImportExtension(out, { value: ".ts", file: "codegen.json" }, "ts")).toEqual({ extension: ".ts", reason: "codegen.json: importExtension" });
  expect(chooseImportExtension(out, { value: "auto" }, "ts").extension).toBe(".js");
});

describe("emit js", () => {
  test("ES modules: .js in a package of type module, .mjs elsewhere (Node reads .js there as CommonJS)", () => {
    expect(auto(project({ "package.json": { type: "module" }, "tsconfig.json": options({ module: "ESNext", moduleResolution: "Bundler" }) }), "js")).toEqual({
      extension: ".js",
      reason: "emit js in a package of type module",
    });
    writeFileSync(path.join(root, "package.json"), "{}");
    expect(auto(path.join(root, "src", "client"), "js")).toEqual({ extension: ".mjs", reason: "emit js outside a package of type module" });
  });

  test("an import extension JavaScript cannot have is an input error naming where it was set", () => {
    const out = project({ "package.json": { type: "module" } });
    const choose = () => chooseImportExtension(out, { value: ".ts", file: "ideogram-codegen.config.json" }, "js");
    expect(choose).toThrow(InputError);
    expect(choose).toThrow("ideogram-codegen.config.json#/importExtension: emit js writes ES modules imported with .js or .mjs, not .ts");
  });
});

test("a package.json that is not JSON is an input error naming it", () => {
  const out = project({ "package.json": "{ not json", "tsconfig.json": options({ module: "NodeNext" }) });
  expect(() => auto(out)).toThrow(/^package\.json: not valid JSON/);
});
