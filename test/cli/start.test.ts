// bin/ runs the CLI from its bundle with a V8 code cache (src/cli/start.ts). Here the package sits in
// a node_modules of its own, as an install puts it, so the cache lands in that node_modules/.cache.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
let project: string;
let installed: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), "codegen-start-"));
  const nodeModules = path.join(project, "node_modules");
  installed = path.join(nodeModules, "ideogram-codegen");
  for (const entry of ["bin", "dist", "templates", "specs", "package.json"]) cpSync(path.join(root, entry), path.join(installed, entry), { recursive: true });
  mkdirSync(path.join(installed, "src", "config"), { recursive: true });
  cpSync(path.join(root, "src", "config", "config.schema.json"), path.join(installed, "src", "config", "config.schema.json"));
  // Its dependencies, beside it as npm would place them.
  for (const entry of readdirSync(path.join(root, "node_modules"))) {
    if (!entry.startsWith(".")) symlinkSync(path.join(root, "node_modules", entry), path.join(nodeModules, entry));
  }
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const cacheFolder = () => path.join(project, "node_modules", ".cache", "ideogram-codegen");
const cacheFiles = () => readdirSync(cacheFolder()).filter((name) => !name.endsWith(".partial"));

function generate(): { status: number | null; stderr: string; client: string } {
  const out = path.join(project, "out");
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [path.join(installed, "bin", "ideogram-codegen.js"), "generate", "--client", "fetch", "--out", out, "-q"], { cwd: project, encoding: "utf8" });
  const client = result.status === 0 ? readFileSync(path.join(out, "fetch", "client.ts"), "utf8") : "";
  return { status: result.status, stderr: result.stderr, client };
}

test("the first run writes the cache, keyed by the bundle and the Node that ran it; later runs read it unchanged", () => {
  const first = generate();
  expect(first).toMatchObject({ status: 0, stderr: "" });
  expect(first.client).toBe(readFileSync(path.join(root, "generated", "fetch", "client.ts"), "utf8"));
  const [file, ...more] = cacheFiles();
  expect(more).toEqual([]);
  expect(file).toMatch(/^cli-[0-9a-f]{32}\.v8$/);
  const written = statSync(path.join(cacheFolder(), file!));
  expect(written.size).toBeGreaterThan(100_000);

  expect(generate()).toEqual(first);
  expect(statSync(path.join(cacheFolder(), file!)).mtimeMs).toBe(written.mtimeMs);
});

test("a cache V8 refuses (here: bytes of another kind) is not trusted: the run is right and writes a good one", () => {
  generate();
  const [file] = cacheFiles();
  const cache = path.join(cacheFolder(), file!);
  writeFileSync(cache, Buffer.alloc(200_000, 7));
  const run = generate();
  expect(run).toMatchObject({ status: 0, stderr: "" });
  expect(run.client).toBe(readFileSync(path.join(root, "generated", "fetch", "client.ts"), "utf8"));
  expect(readFileSync(cache).equals(Buffer.alloc(200_000, 7))).toBe(false);
  expect(generate()).toEqual(run);
});

test("writing a cache removes all but the newest few others (older generators' and Nodes'), never the one it wrote", () => {
  rmSync(cacheFolder(), { recursive: true, force: true });
  mkdirSync(cacheFolder(), { recursive: true });
  const stale = Array.from({ length: 6 }, (_, i) => `cli-${String(i).repeat(32)}.v8`);
  stale.forEach((name, i) => {
    writeFileSync(path.join(cacheFolder(), name), "old");
    const when = new Date(Date.UTC(2026, 0, 1 + i));
    utimesSync(path.join(cacheFolder(), name), when, when);
  });
  writeFileSync(path.join(cacheFolder(), "notes.txt"), "not a cache");
  expect(generate()).toMatchObject({ status: 0, stderr: "" });
  const kept = cacheFiles().sort();
  const written = kept.filter((name) => !stale.includes(name) && name !== "notes.txt");
  expect(written).toHaveLength(1);
  expect(kept).toEqual([...stale.slice(3), "notes.txt", ...written].sort());
});

test("a folder it cannot write is no error: the run goes without a cache", () => {
  rmSync(path.dirname(cacheFolder()), { recursive: true, force: true });
  // A file where the cache folder would be: mkdir fails, as on a read-only install.
  writeFileSync(path.join(project, "node_modules", ".cache"), "");
  try {
    expect(generate()).toMatchObject({ status: 0, stderr: "" });
  } finally {
    rmSync(path.join(project, "node_modules", ".cache"), { force: true });
  }
});
