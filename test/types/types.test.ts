import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "../support/specs";
import { fixtureClients } from "../support/fixture-clients";
import { tsc } from "../support/typescript";

/** Consumers compile the generated client with TypeScript 5.x, 6 and 7; all three must agree. */
const COMPILERS = {
  "TypeScript 5.9": "typescript",
  "TypeScript 6": "typescript6",
  "TypeScript 7": "typescript7",
} as const;

const project = (name: string) => path.join(__dirname, name);

describe.each(Object.entries(COMPILERS))("%s", (_label, packageName) => {
  test.each(["fetch", "axios"])(
    "compiles generated/%s under --strict, and the type tests' misuse lines fail to compile",
    (variant) => {
      const { status, output } = tsc(project(`tsconfig.${variant}.json`), packageName);
      expect(output).toBe("");
      expect(status).toBe(0);
    },
  );
});

describe("feature fixtures' clients (auth alternatives, several bodies, server URLs)", () => {
  beforeAll(async () => {
    for (const name of ["auth-alternatives.yml", "request-content-types.yml", "server-relative.yml", "server-variables.yml"]) await fixtureClients(name);
  });

  test.each(Object.entries(COMPILERS))("compile under %s, and the misuse lines fail to compile", (_label, packageName) => {
    const { status, output } = tsc(project("tsconfig.fixtures.json"), packageName);
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});

test("both main entries compile in a browser project without Node's types", () => {
  expect(tsc(project("tsconfig.browser.json")).output).toBe("");
});

test("both clients (and the runtime matrix's driver) use only erasable syntax: Node's type stripping and Deno load them as they are", () => {
  expect(tsc(project("tsconfig.erasable.json")).output).toBe("");
});

test("both whole clients compile in a Node project without the DOM library", () => {
  expect(tsc(project("tsconfig.node.json")).output).toBe("");
});

test("a misuse line that compiled would be reported as an unused @ts-expect-error", () => {
  // Guards the mechanism the type tests rely on: tsc must flag directives that suppress nothing.
  const bin = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const file = path.join(__dirname, "fixtures", "unused-expect-error.ts");
  const result = spawnSync(process.execPath, [bin, "--noEmit", "--strict", "--skipLibCheck", "--types", "node", file], {
    encoding: "utf8",
  });
  expect(result.stdout).toContain("TS2578");
});

test("the test suite itself type-checks (jest only transpiles it)", () => {
  expect(tsc(path.join(ROOT, "test", "tsconfig.json")).output).toBe("");
});
