import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { format } from "prettier";
import { PRETTIER_OPTIONS, parserFor } from "../../src/format/format";

const templates = path.resolve(__dirname, "..", "..", "templates");
const sources = readdirSync(templates, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));

// The generator copies these files without formatting them; that is only sound if they are already clean.
test.each(sources)("runtime source %s is prettier-clean", async (file) => {
  const text = readFileSync(path.join(templates, file), "utf8");
  expect(await format(text, { ...PRETTIER_OPTIONS, parser: parserFor(file)! })).toBe(text);
});

test.each(sources)("runtime source %s uses only erasable syntax and explicit .ts imports", (file) => {
  const text = readFileSync(path.join(templates, file), "utf8");
  expect(text).not.toMatch(/^\s*(export\s+)?(const\s+)?enum\s/m);
  expect(text).not.toMatch(/^\s*(export\s+)?namespace\s/m);
  expect(text).not.toMatch(/constructor\([^)]*\b(private|public|protected|readonly)\s/);
  for (const [, specifier] of text.matchAll(/from "(\.[^"]*)"/g)) expect(specifier).toMatch(/\.ts$/);
});

describe("what the generated README says of the runtime is what the runtime does", () => {
  const runtime = (file: string) => readFileSync(path.join(templates, "runtime", file), "utf8");
  const readme = readFileSync(path.join(templates, "client-readme.md.hbs"), "utf8");

  test("its error table lists the classes createApiError picks, by status", () => {
    const { ERROR_CLASSES } = require("../../src/emit/core/readme") as typeof import("../../src/emit/core/readme");
    const byStatus = [...runtime("errors.ts").matchAll(/^ {2}(\d{3}): (\w+Error),$/gm)].map(([, status, name]) => [status, name]);
    expect(runtime("errors.ts")).toContain(
      "(init.status >= 500 ? InternalServerError : init.status < 300 ? UnexpectedResponseError : ApiError)",
    );
    expect(ERROR_CLASSES).toEqual([...byStatus, ["5xx", "InternalServerError"], ["2xx, body not JSON", "UnexpectedResponseError"]]);
  });

  test("its defaults (timeout, retries, longest Retry-After) are the client's", () => {
    const constant = (name: string) => Number(new RegExp(`const ${name} = ([\\d_]+);`).exec(runtime("client-core.ts"))![1]!.replace(/_/g, ""));
    expect(constant("DEFAULT_TIMEOUT")).toBe(300_000);
    expect(readme).toContain("(default 300 000 ms, 5 minutes)");
    expect(constant("DEFAULT_MAX_RETRIES")).toBe(2);
    expect(readme).toContain("`maxRetries` times (default 2)");
    expect(constant("DEFAULT_MAX_RETRY_AFTER")).toBe(60_000);
    expect(readme).toContain("`maxRetryAfter` (default 60 s)");
  });
});
