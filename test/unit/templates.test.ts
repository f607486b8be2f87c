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
