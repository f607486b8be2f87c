import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { generate, type GenerateResult } from "../../src/generate";
import { documentedCompilerOptions, fencedBlocks, readmeModules } from "../support/readme-blocks.js";
import { IDEOGRAM_REQUEST, ROOT } from "../support/specs";
import { tsc, writeGenerated } from "../support/typescript";

const VARIANTS = ["fetch", "axios"] as const;

let result: GenerateResult;
let work: string;
beforeAll(async () => {
  result = await generate(IDEOGRAM_REQUEST);
  work = mkdtempSync(path.join(tmpdir(), "codegen-readme-"));
  writeGenerated(work, result.files);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readme = (variant: string) => result.files.get(`${variant}/README.md`)!;

/**
 * Writes the READMEs' modules (and `extra` files) beside the generated folders, with a tsconfig of
 * exactly the documented compiler options plus what finds Node's types and axios here.
 */
function project(extra: Record<string, string> = {}): string {
  const options = documentedCompilerOptions(readme("fetch"));
  const files: Record<string, string> = { ...extra };
  for (const variant of VARIANTS) for (const m of readmeModules(readme(variant), variant)) files[m.file] = m.text;
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(work, file), text);
  const config = {
    compilerOptions: {
      ...options,
      types: ["node"],
      typeRoots: [path.join(ROOT, "node_modules", "@types")],
      paths: { axios: [path.join(ROOT, "node_modules", "axios")] },
      skipLibCheck: true,
    },
    files: Object.keys(files),
  };
  const file = path.join(work, "tsconfig.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

test("both READMEs document the same tsconfig, and it holds the settings the client needs", () => {
  expect(documentedCompilerOptions(readme("axios"))).toEqual(documentedCompilerOptions(readme("fetch")));
  expect(documentedCompilerOptions(readme("fetch"))).toMatchObject({ allowImportingTsExtensions: true, strict: true });
});

test.each(VARIANTS)("the %s README shows every operation with an example call", (variant) => {
  const blocks = fencedBlocks(readme(variant)).filter((b) => b.section === "Operations");
  for (const operation of result.model.operations) {
    const call = `${["client", operation.resource, operation.name].filter(Boolean).join(".")}(`;
    expect({ operation: operation.name, shown: blocks.some((b) => b.text.includes(call)) }).toEqual({ operation: operation.name, shown: true });
  }
  expect(blocks).toHaveLength(result.model.operations.length);
});

describe.each([
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 7", "typescript7"],
])("%s", (_label, compiler) => {
  test("every ts block of both READMEs compiles against the generated client with the documented tsconfig", () => {
    const { status, output } = tsc(project(), compiler);
    expect(output).toBe("");
    expect(status).toBe(0);
  }, 120_000);
});

test("the check catches a wrong example: a call without its required fields fails to compile", () => {
  const modules = readmeModules(readme("fetch"), "fetch");
  const call = modules.find((m) => m.text.includes("client.generate.generateImageV3({"))!;
  const broken = call.text.replace(/generateImageV3\(\{[^)]*\}\)/, "generateImageV3({})");
  expect(broken).not.toBe(call.text);
  const { status, output } = tsc(project({ "tampered.ts": broken }));
  expect(status).not.toBe(0);
  expect(output).toMatch(/^tampered\.ts\(\d+,\d+\): error TS2345: [^\n]*\n\s+Property 'prompt' is missing/);
  const errorFiles = output.split("\n").flatMap((line) => /^(\S+\.ts)\(\d+,\d+\): error/.exec(line)?.[1] ?? []);
  expect(new Set(errorFiles)).toEqual(new Set(["tampered.ts"]));
}, 120_000);
