import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "ideogram-codegen.js");
const fixture = (name: string) => path.join(root, "test", "fixtures", "cli", name);

function cli(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
beforeEach(() => (work = mkdtempSync(path.join(tmpdir(), "codegen-cli-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe("bad input exits 2 with a message naming the file, never a stack trace", () => {
  test.each([
    ["a missing file", "no-such-spec.yml", /no-such-spec\.yml: cannot read the spec file \(ENOENT\)/],
    ["invalid YAML", "invalid-yaml.yml", /invalid-yaml\.yml: not valid YAML or JSON: .*\(\d+:\d+\)/],
    ["a Swagger 2.0 document", "swagger-2.yml", /swagger-2\.yml#\/swagger: Swagger 2\.0 documents are not supported/],
    ["a broken $ref", "broken-ref.yml", /broken-ref\.yml#\/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema: .*#\/components\/schemas\/Missing/],
    ["a $ref to a missing file", "missing-file-ref.yml", /missing-file-ref\.yml#\/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema: \$ref cannot be resolved/],
    ["a JSON file that is not OpenAPI", "not-openapi.json", /not-openapi\.json: not an OpenAPI document/],
  ])("%s", (_label, file, message) => {
    const { status, stderr, stdout } = cli(["generate", "--spec", path.relative(root, fixture(file)), "--out", work]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
    expect(readdirSync(work)).toEqual([]);
  });

  test("every problem --strict finds is a line of its own, each with the file and pointer", () => {
    const spec = path.join(root, "test", "fixtures", "load", "strict-problems.yml");
    const { status, stderr } = cli(["generate", "--spec", spec, "--out", work, "--strict"]);
    expect(status).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^error: .*strict-problems\.yml#\/(paths|components)\/\S+: /);
  });

  test("a $ref thousands of characters long is quoted by its first 200 and its length", () => {
    const spec = path.join(work, "long-ref.yml");
    const target = `#/components/schemas/${"x".repeat(5000)}`;
    writeFileSync(spec, `openapi: 3.1.0\ninfo: { title: T, version: v }\ncomponents:\n  schemas:\n    A: { $ref: '${target}' }\n`);
    const { status, stderr } = cli(["generate", "--spec", spec, "--out", work]);
    expect(status).toBe(2);
    expect(stderr).toContain(`$ref ${JSON.stringify(target).slice(0, 200)}… (5,023 characters) points to nothing in the document`);
    expect(stderr.length).toBeLessThan(600);
  });

  describe("an error the generator did not expect (a bug of its own)", () => {
    // A module of the generator made to fail, as a bug in it would: the CLI must still answer as a
    // tool. The modules of dist/ (the bundle bin/ runs holds the same code), driven as bin/ drives them.
    const driver = (dir: string) => {
      const file = path.join(dir, "broken-ir-cli.js");
      const dist = (...segments: string[]) => JSON.stringify(path.join(root, "dist", ...segments));
      writeFileSync(
        file,
        `require(${dist("ir", "build-model.js")}).buildModel = () => { throw new TypeError("x.map is not a function"); };\n` +
          `require(${dist("cli", "main.js")}).main(process.argv).then((code) => { process.exitCode = code; });\n`,
      );
      return file;
    };
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [driver(work), "generate", "--out", work, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      return { status: result.status, stderr: result.stderr };
    };

    test("says it is a bug in the generator, names the spec and how to report it, exit 2, no stack", () => {
      const { status, stderr } = run([]);
      expect(status).toBe(2);
      expect(stderr).toMatch(/^error: specs\/ideogram-openapi\.yml: ideogram-codegen \S+ failed on this spec \(x\.map is not a function\)\. This is a bug in the generator/);
      expect(stderr).toContain("please report it with the spec");
      expect(stderr).not.toMatch(/\n\s+at /);
    });

    test("prints the stack under --verbose", () => {
      const { status, stderr } = run(["--verbose"]);
      expect(status).toBe(2);
      expect(stderr).toMatch(/TypeError: x\.map is not a function\n\s+at /);
    });
  });

  test("an unknown client name", () => {
    const { status, stderr } = cli(["generate", "--client", "curl", "--out", work]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/curl/);
  });
});

describe("the configuration file is checked against its JSON Schema", () => {
  test("every unknown key and wrong value is named with its pointer, and nothing is written", () => {
    const config = { spec: "api.yml", clinets: ["fetch"], clients: ["curl"], clientName: "9lives", docsUrl: "/docs", format: "yes", resources: { pets: 1 } };
    writeFileSync(path.join(work, "ideogram-codegen.config.json"), JSON.stringify(config));
    const { status, stderr } = cli(["generate"], work);
    expect(status).toBe(2);
    expect(stderr.trim().replace(/^error: /, "").split("\n")).toEqual([
      'ideogram-codegen.config.json#/clinets: unknown key "clinets"; known keys: spec, output, clients, clientName, apiName, apiKeyEnv, logEnv, credentialEnv, baseUrl, docsUrl, resources, types, operations, bodies, format, importExtension, emit',
      'ideogram-codegen.config.json#/clients/0: "clients[0]" must be one of "fetch", "axios"',
      'ideogram-codegen.config.json#/clientName: "clientName" must be a JavaScript identifier',
      'ideogram-codegen.config.json#/docsUrl: "docsUrl" must be an absolute http(s) URL',
      'ideogram-codegen.config.json#/resources/pets: "resources.pets" must be string',
      'ideogram-codegen.config.json#/format: "format" must be boolean',
    ]);
    expect(readdirSync(work)).toEqual(["ideogram-codegen.config.json"]);
  });

  test("a valid file with a $schema key for editors generates", () => {
    const config = { $schema: "./node_modules/ideogram-codegen/src/config/config.schema.json", spec: path.join(root, "specs", "ideogram-openapi.yml"), clients: ["fetch"], output: "out" };
    writeFileSync(path.join(work, "ideogram-codegen.config.json"), JSON.stringify(config));
    const { status, stdout } = cli(["generate"], work);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^generated fetch: 23 operations/);
  });

  test("a file that names no spec adjusts the embedded Ideogram configuration: its keys win, the rest stays Ideogram's", () => {
    writeFileSync(path.join(work, "ideogram-codegen.config.json"), JSON.stringify({ output: "src/ideogram", clients: ["fetch"], clientName: "Studio" }));
    const { status, stdout } = cli(["generate"], work);
    expect({ status, stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/^generated fetch: 23 operations, 57 schemas, 21 files in \d+ ms → src\/ideogram; imports: \.ts \(no tsconfig\.json above the output folder\)\n$/) });
    expect(readdirSync(path.join(work, "src", "ideogram"))).toEqual(["fetch"]);
    const client = readFileSync(path.join(work, "src", "ideogram", "fetch", "client.ts"), "utf8");
    // Ideogram's tag map and API key variable still apply; the client name is the file's.
    expect(client).toContain("export class Studio extends StudioCore");
    expect(client).toContain("public readonly generate: GenerateResource = new GenerateResource(this);");
    expect(client).toContain('options: ["apiKey"], env: ["IDEOGRAM_API_KEY"] }');
    expect(cli(["check"], work)).toMatchObject({ status: 0, stdout: "check passed: 21 files in src/ideogram are current; imports: .ts (no tsconfig.json above the output folder)\n" });
    // Naming a spec on the command line leaves the embedded configuration out.
    const inspected = cli(["inspect", "--spec", fixture("../one-of.yml")], work);
    expect(inspected.status).toBe(0);
    expect(inspected.stdout).toContain("shapes.createShape()");
    expect(inspected.stdout).not.toContain("generate.generateImageV3()");
  });

  test("an ideogram-codegen.config.mjs (a default export, here a function) works like the JSON file and is checked the same way", () => {
    const spec = JSON.stringify(path.join(root, "specs", "ideogram-openapi.yml"));
    const file = path.join(work, "ideogram-codegen.config.mjs");
    writeFileSync(file, `export default async () => ({ spec: ${spec}, clients: ["fetch"], output: "out", clientName: "Ideo" });\n`);
    const { status, stdout } = cli(["generate"], work);
    expect({ status, stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/^generated fetch: 23 operations/) });
    expect(readFileSync(path.join(work, "out", "fetch", "client.ts"), "utf8")).toContain("export class Ideo extends IdeoCore {");

    writeFileSync(file, `export default { spec: ${spec}, clients: ["fetch", "curl"] };\n`);
    const bad = cli(["generate"], work);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('error: ideogram-codegen.config.mjs#/clients/1: "clients[1]" must be one of "fetch", "axios"\n');
  });

  test("a JSON and an .mjs configuration side by side is an error, not a silent choice", () => {
    writeFileSync(path.join(work, "ideogram-codegen.config.json"), "{}");
    writeFileSync(path.join(work, "ideogram-codegen.config.mjs"), "export default {};\n");
    const { status, stderr } = cli(["generate"], work);
    expect(status).toBe(2);
    expect(stderr).toMatch(/both ideogram-codegen\.config\.json and ideogram-codegen\.config\.mjs exist/);
  });

  test("the schema names exactly the keys the configuration type has", () => {
    const { KNOWN_KEYS } = require("../../src/config/config") as typeof import("../../src/config/config");
    const schema = JSON.parse(readFileSync(path.join(root, "src", "config", "config.schema.json"), "utf8"));
    expect(Object.keys(schema.properties).filter((k) => k !== "$schema").sort()).toEqual([...KNOWN_KEYS].sort());
  });
});

describe("terminal output", () => {
  test("--verbose adds the stage times; the summary counts warnings in words; piped output has no colour", () => {
    const { status, stdout } = cli(["generate", "--out", work, "--client", "fetch", "--verbose"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^stages: load \d+ ms, ir \d+ ms, emit \d+ ms, format \d+ ms; prettier's share \d+%\ngenerated fetch: /);
    expect(stdout).not.toContain("\x1b[");
    writeFileSync(path.join(work, "numeric-version.yml"), "openapi: 3.1.0\ninfo: { title: T, version: 1 }\npaths: {}\n");
    const warned = cli(["generate", "--spec", path.join(work, "numeric-version.yml"), "--out", path.join(work, "out")]);
    expect(warned.stdout).toMatch(/, 1 warning\n$/);
  });

  test("--help of every command shows examples, and --version the version", () => {
    for (const command of [[], ["generate"], ["check"], ["inspect"]]) {
      expect(cli([...command, "--help"]).stdout).toMatch(/Examples?:\n  ideogram-codegen /);
    }
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("inspect", () => {
  test("prints one row per operation (method, path, call, body kind, deprecated) and the counts", () => {
    const { status, stdout } = cli(["inspect"]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]!.split(/\s+/)).toEqual(["method", "path", "call", "body", "deprecated"]);
    expect(lines).toContainEqual(expect.stringMatching(/^POST\s+\/v1\/ideogram-v3\/generate\s+generate\.generateImageV3\(\)\s+multipart$/));
    expect(lines).toContainEqual(expect.stringMatching(/^POST\s+\/generate\s+generate\.generateImage\(\)\s+json\s+deprecated$/));
    expect(lines.filter((l) => /^(GET|POST) /.test(l))).toHaveLength(23);
    expect(lines.at(-1)).toBe("23 operations (5 deprecated) in 4 resources; 57 named schemas, 18 of them enums");
  });

  test("--json prints the model the emitters see", () => {
    const { status, stdout } = cli(["inspect", "--json"]);
    expect(status).toBe(0);
    const model = JSON.parse(stdout);
    expect(model.operations.map((op: { name: string }) => op.name)).toContain("generateImageV3");
    expect(model.resources.map((r: { property: string }) => r.property)).toEqual(["generate", "vision", "datasets", "models"]);
  });

  test("spec text cannot drive the terminal: control characters in a path are escaped", () => {
    const spec = { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/a\u001b[2Jb": { get: { responses: { "204": { description: "none" } } } } } };
    writeFileSync(path.join(work, "api.json"), JSON.stringify(spec));
    const { status, stdout } = cli(["inspect", "--spec", path.join(work, "api.json")]);
    expect(status).toBe(0);
    expect(stdout).not.toContain("\u001b");
    expect(stdout).toContain("/a\\u001b[2Jb");
  });
});

describe("generate and check", () => {
  test("generate with no arguments writes both embedded Ideogram clients into ./generated, identical to the committed ones", () => {
    const { status, stdout } = cli(["generate"], work);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^generated fetch \+ axios: 23 operations, 57 schemas, 42 files in \d+ ms → generated; imports: \.ts \(no tsconfig\.json above the output folder\)\n$/);
    for (const variant of ["fetch", "axios"]) {
      const committed = path.join(root, "generated", variant);
      const files = readdirSync(committed, { recursive: true, encoding: "utf8" }).filter((f) => f.includes("."));
      expect(files.length).toBe(21);
      for (const file of files) {
        expect(readFileSync(path.join(work, "generated", variant, file), "utf8")).toBe(readFileSync(path.join(committed, file), "utf8"));
      }
    }
  });

  test("--client axios writes only generated/axios; check then covers only what was asked for", () => {
    const { status, stdout } = cli(["generate", "--client", "axios", "--out", work]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^generated axios: 23 operations, 57 schemas, 21 files/);
    expect(readdirSync(work)).toEqual(["axios"]);
    expect(cli(["check", "--client", "axios", "--out", work]).status).toBe(0);
    const both = cli(["check", "--out", work]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain("missing: fetch/index.ts");
  });

  test("check exits 1 naming a hand-edited file, a deleted file and an extra file, and 0 after regenerating", () => {
    expect(cli(["generate", "--out", work]).status).toBe(0);
    expect(cli(["check", "--out", work]).status).toBe(0);

    appendFileSync(path.join(work, "fetch", "types.ts"), "// edited by hand\n");
    appendFileSync(path.join(work, "axios", "runtime", "transport.ts"), "// edited by hand\n");
    rmSync(path.join(work, "fetch", "runtime", "retry.ts"));
    writeFileSync(path.join(work, "fetch", "stray.ts"), "export {};\n");
    const stale = cli(["check", "--out", work]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("changed: fetch/types.ts");
    expect(stale.stderr).toContain("changed: axios/runtime/transport.ts");
    expect(stale.stderr).toContain("missing: fetch/runtime/retry.ts");
    expect(stale.stderr).toContain("extra: fetch/stray.ts");

    expect(cli(["generate", "--out", work]).status).toBe(0);
    const fresh = cli(["check", "--out", work]);
    expect(fresh.stderr).toBe("");
    expect(fresh.status).toBe(0);
  });

  test("check of the committed generated/ folder passes", () => {
    const { status, stderr } = cli(["check"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });

  test("--no-format (never run prettier) writes the same Ideogram clients: their layout does not depend on prettier", () => {
    expect(cli(["generate", "--out", work, "--no-format"]).status).toBe(0);
    expect(cli(["check", "--out", work]).status).toBe(0);
  });

  test("--strict turns spec validation warnings into exit 2", () => {
    const spec = path.join(work, "numeric-version.yml");
    writeFileSync(spec, "openapi: 3.1.0\ninfo: { title: T, version: 1 }\npaths: {}\n");
    const lenient = cli(["generate", "--spec", spec, "--out", path.join(work, "out")]);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toMatch(/warning: .*numeric-version\.yml#\/info\/version: must be a string; read as "1"/);
    const strict = cli(["generate", "--spec", spec, "--out", path.join(work, "out"), "--strict"]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toMatch(/numeric-version\.yml#\/info\/version: must be a string; read as "1"/);
  });

  test("--help and --version", () => {
    expect(cli(["--version"]).stdout.trim()).toBe(require("../../package.json").version);
    const help = cli(["generate", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--spec <file-or-url>");
    expect(help.stdout).toContain("Examples:");
  });
});

describe("generate --watch", () => {
  const children: ChildProcess[] = [];
  afterEach(() => children.forEach((child) => child.kill("SIGKILL")));

  /** Starts `generate --watch` and hands out its stdout lines as they come. */
  function startWatch(args: string[]) {
    const child = spawn(process.execPath, [bin, "generate", "--watch", ...args], { cwd: work, env: { ...process.env, NO_COLOR: "1" } });
    children.push(child);
    const seen: string[] = [];
    let notify = () => {};
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      seen.push(...lines);
      notify();
    });
    const waitFor = (pattern: RegExp, count = 1) =>
      new Promise<void>((resolve) => {
        notify = () => seen.filter((l) => pattern.test(l)).length >= count && resolve();
        notify();
      });
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, seen, waitFor, exit };
  }

  test("regenerates after the spec and a file it references change, then exits 0 on SIGTERM", async () => {
    writeFileSync(path.join(work, "pet.yml"), "type: object\nproperties:\n  name: { type: string }\n");
    const spec = (path: string) =>
      `openapi: 3.0.3\ninfo: { title: Pets, version: "1" }\npaths:\n  ${path}:\n    get:\n      operationId: listPets\n` +
      `      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: "./pet.yml" }\n`;
    writeFileSync(path.join(work, "api.yml"), spec("/pets"));
    const watch = startWatch(["--spec", "api.yml", "--out", "out", "--client", "fetch"]);
    await watch.waitFor(/^watching 2 file\(s\)/);
    expect(watch.seen.filter((l) => /^generated fetch: 1 operations/.test(l))).toHaveLength(1);

    writeFileSync(path.join(work, "api.yml"), spec("/animals"));
    await watch.waitFor(/^generated fetch/, 2);
    expect(readFileSync(path.join(work, "out", "fetch", "functions.ts"), "utf8")).toContain('path: "/animals"');

    writeFileSync(path.join(work, "pet.yml"), "type: object\nproperties:\n  nickname: { type: string }\n");
    await watch.waitFor(/^generated fetch/, 3);
    expect(readFileSync(path.join(work, "out", "fetch", "functions.ts"), "utf8")).toContain("nickname?: string");

    watch.child.kill("SIGTERM");
    expect(await watch.exit).toBe(0);
  }, 30_000);

  test("an edited .mjs configuration is read again (not served from the module cache)", async () => {
    const config = (name: string) =>
      `export default { spec: ${JSON.stringify(path.join(root, "specs", "ideogram-openapi.yml"))}, clients: ["fetch"], output: "out", clientName: "${name}" };\n`;
    writeFileSync(path.join(work, "ideogram-codegen.config.mjs"), config("First"));
    const watch = startWatch([]);
    await watch.waitFor(/^watching/);
    writeFileSync(path.join(work, "ideogram-codegen.config.mjs"), config("Second"));
    await watch.waitFor(/^generated fetch/, 2);
    expect(readFileSync(path.join(work, "out", "fetch", "client.ts"), "utf8")).toContain("export class Second extends SecondCore {");
    watch.child.kill("SIGTERM");
    expect(await watch.exit).toBe(0);
  }, 30_000);

  test("a broken edit reports the error and keeps watching; the next good edit regenerates", async () => {
    const good = readFileSync(fixture("broken-ref.yml"), "utf8").replace("#/components/schemas/Missing", "#/components/schemas/Pet");
    writeFileSync(path.join(work, "api.yml"), good);
    const watch = startWatch(["--spec", "api.yml", "--out", "out", "--client", "fetch"]);
    let stderr = "";
    const errorShown = new Promise<void>((resolve) =>
      watch.child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()).includes("not valid YAML") && resolve()),
    );
    await watch.waitFor(/^watching/);
    writeFileSync(path.join(work, "api.yml"), "openapi: [");
    await errorShown;
    expect(stderr).toMatch(/^error: api\.yml: not valid YAML or JSON/m);
    writeFileSync(path.join(work, "api.yml"), good.replace("/pets", "/cats"));
    await watch.waitFor(/^generated fetch/, 2);
    expect(readFileSync(path.join(work, "out", "fetch", "functions.ts"), "utf8")).toContain('path: "/cats"');
    watch.child.kill("SIGTERM");
    expect(await watch.exit).toBe(0);
  }, 30_000);
});

describe("import extension and emit", () => {
  const writeJson = (file: string, value: unknown) => writeFileSync(path.join(work, file), JSON.stringify(value));

  test("the summary lines say which import extension was chosen and why; check decides as generate did", () => {
    writeJson("package.json", { type: "module" });
    writeJson("tsconfig.json", { compilerOptions: { module: "NodeNext", strict: true } });
    writeJson("ideogram-codegen.config.json", { output: "src/ideogram", clients: ["fetch"] });
    const imports = "imports: .js (tsconfig.json: moduleResolution nodenext)";
    expect(cli(["generate"], work).stdout).toMatch(new RegExp(`→ src/ideogram; ${imports.replace(/[.()]/g, "\\$&")}\n$`));
    expect(readFileSync(path.join(work, "src", "ideogram", "fetch", "index.ts"), "utf8")).toContain('export * from "./functions.js";');
    expect(cli(["check"], work)).toMatchObject({ status: 0, stdout: `check passed: 21 files in src/ideogram are current; ${imports}\n` });
    // Another choice is another client: check names every file whose imports differ.
    const other = cli(["check", "--import-extension", ".ts"], work);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("changed: fetch/index.ts\n");
  });

  test("--emit js writes ES modules with declarations, and check of them passes", () => {
    writeJson("package.json", { type: "module" });
    expect(cli(["generate", "--emit", "js", "--out", "out", "--client", "fetch"], work)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/, 41 files in \d+ ms → out; imports: \.js \(emit js in a package of type module\)\n$/),
    });
    expect(readdirSync(path.join(work, "out", "fetch")).filter((f) => f.startsWith("index."))).toEqual(["index.d.ts", "index.js"]);
    expect(cli(["check", "--emit", "js", "--out", "out", "--client", "fetch"], work).status).toBe(0);
    expect(cli(["check", "--out", "out", "--client", "fetch"], work).status).toBe(1);
  });

  test("emit js with an import extension JavaScript cannot have exits 2 naming the flag", () => {
    const { status, stderr } = cli(["generate", "--emit", "js", "--import-extension", "none", "--out", work]);
    expect(status).toBe(2);
    expect(stderr).toBe("error: --import-extension: emit js writes ES modules imported with .js or .mjs, not none\n");
  });

  test.each([
    ["ts", false],
    ["js", true],
  ])("emit %s loads ts-morph: %s (a TypeScript run never pays for the compiler)", (emit, loaded) => {
    const probe = `require(${JSON.stringify(path.join(root, "dist", "cli", "main.js"))})
      .main(["node", "ideogram-codegen", "generate", "--quiet", "--emit", ${JSON.stringify(emit)}, "--import-extension", ".js", "--out", "out"])
      .then((code) => console.log(code, Object.keys(require.cache).some((file) => file.includes("/node_modules/ts-morph/"))));`;
    const run = spawnSync(process.execPath, ["-e", probe], { cwd: work, encoding: "utf8" });
    expect(run.stdout).toBe(`0 ${loaded}\n`);
  });
});
