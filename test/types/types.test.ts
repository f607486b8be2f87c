import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** Consumers compile the generated client with TypeScript 5.x, 6 and 7; all three must agree. */
const COMPILERS = {
  "TypeScript 5.9": "typescript",
  "TypeScript 6": "typescript6",
  "TypeScript 7": "typescript7",
} as const;

function tsc(packageName: string, project: string): { status: number | null; output: string } {
  const bin = path.join(root, "node_modules", packageName, "bin", "tsc");
  const result = spawnSync(process.execPath, [bin, "-p", path.join(__dirname, project)], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.each(Object.entries(COMPILERS))("%s", (_label, packageName) => {
  test("compiles generated/fetch under --strict, and the type tests' misuse lines fail to compile", () => {
    const { status, output } = tsc(packageName, "tsconfig.json");
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});

test("the main entry compiles in a browser project without Node's types", () => {
  expect(tsc("typescript", "tsconfig.browser.json").output).toBe("");
});

test("the whole client compiles in a Node project without the DOM library", () => {
  expect(tsc("typescript", "tsconfig.node.json").output).toBe("");
});

test("a misuse line that compiled would be reported as an unused @ts-expect-error", () => {
  // Guards the mechanism the type tests rely on: tsc must flag directives that suppress nothing.
  const bin = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const file = path.join(__dirname, "fixtures", "unused-expect-error.ts");
  const result = spawnSync(process.execPath, [bin, "--noEmit", "--strict", "--skipLibCheck", "--types", "node", file], {
    encoding: "utf8",
  });
  expect(result.stdout).toContain("TS2578");
});
