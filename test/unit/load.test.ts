import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { InputError, type Diagnostic } from "../../src/diagnostics";
import { buildModel } from "../../src/ir/build-model";
import { loadSpec, type LoadOptions } from "../../src/load/load-spec";
import { IDEOGRAM_SPEC, fixture, modelOf, schemaNamed } from "../support/specs";

/** How messages name a fixture: relative to the working directory, with "/" separators. */
const shown = (file: string) => path.relative(process.cwd(), file).split(path.sep).join("/");
const loadCase = (name: string) => fixture("load", name);

/** The diagnostic of the InputError that loading must fail with. */
async function failure(file: string, options: LoadOptions = {}): Promise<Diagnostic & { text: string }> {
  try {
    await loadSpec(file, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ...error.diagnostic, text: error.message };
  }
  throw new Error(`expected ${file} to fail to load`);
}

describe("unusable input fails with an InputError naming the file", () => {
  test("a missing file", async () => {
    const file = loadCase("no-such-spec.yml");
    expect(await failure(file)).toEqual({
      file: shown(file),
      pointer: "",
      message: "cannot read the spec file (ENOENT)",
      text: `${shown(file)}: cannot read the spec file (ENOENT)`,
    });
  });

  test("invalid YAML, with the line and column and without the absolute path", async () => {
    const file = loadCase("invalid-yaml.yml");
    const { pointer, message } = await failure(file);
    expect(pointer).toBe("");
    expect(message).toMatch(/^not valid YAML or JSON: .*\(12:1\)$/);
    expect(message).toContain(shown(file));
    expect(message).not.toContain(path.resolve(file));
  });

  test("a Swagger 2.0 document", async () => {
    const file = loadCase("swagger-2.yml");
    expect(await failure(file)).toMatchObject({
      file: shown(file),
      pointer: "/swagger",
      message: "Swagger 2.0 documents are not supported; convert it to OpenAPI 3.x first",
    });
  });

  test("a broken internal $ref names the file and the JSON pointer of the $ref", async () => {
    const file = loadCase("broken-ref.yml");
    const pointer = "/paths/~1things/get/responses/200/content/application~1json/schema";
    expect(await failure(file)).toEqual({
      file: shown(file),
      pointer,
      message: '$ref "#/components/schemas/Missing" points to nothing in the document',
      text: `${shown(file)}#${pointer}: $ref "#/components/schemas/Missing" points to nothing in the document`,
    });
  });

  test("an http(s) $ref is refused unless remote refs are allowed (nothing is fetched)", async () => {
    const file = loadCase("remote-ref.yml");
    const { pointer, message } = await failure(file);
    expect(pointer).toBe("/paths/~1things/get/responses/200/content/application~1json/schema");
    expect(message).toMatch(/^\$ref cannot be resolved: .*https:\/\/schemas\.example\.invalid\/thing\.yml.*\(remote \$refs need --allow-remote-refs\)$/);
  });
});

describe("lenient loading: problems that leave the document usable are warnings", () => {
  test("numeric `openapi` and `info.version` are warned about, and the document still loads", async () => {
    const file = loadCase("numeric-versions.yml");
    const spec = await loadSpec(file);
    expect(spec.warnings.list).toEqual([
      { file: shown(file), pointer: "/openapi", message: 'the version must be a string, e.g. "3.1.0"' },
      { file: shown(file), pointer: "/info/version", message: 'must be a string; read as "1"' },
    ]);
    expect(spec.document.openapi).toBe("3.1.0");
    const model = buildModel(spec);
    expect([model.version, model.operations.map((op) => op.name)]).toEqual(["1", ["ping"]]);
  });

  test("a 3.1 document with only components loads, without operations or warnings", async () => {
    const spec = await loadSpec(loadCase("components-only-31.yml"));
    expect(spec.warnings.list).toEqual([]);
    const model = buildModel(spec);
    expect([model.operations, model.resources, model.schemas.map((s) => s.name)]).toEqual([[], [], ["Thing"]]);
  });

  test("a validation problem is a warning with its JSON pointer", async () => {
    const file = loadCase("validation-warning.yml");
    expect((await loadSpec(file)).warnings.list).toEqual([
      { file: shown(file), pointer: "/paths/~1things/get/responses/200", message: "must NOT have additional properties (unexpected)" },
    ]);
  });

  test("--strict turns that warning into an InputError", async () => {
    const file = loadCase("validation-warning.yml");
    expect(await failure(file, { strict: true })).toMatchObject({
      file: shown(file),
      pointer: "/paths/~1things/get/responses/200",
      message: "must NOT have additional properties (unexpected)",
    });
  });

  test("--strict reports swagger-parser's validate() verdict: every problem, each with its pointer, also where a $ref is used", async () => {
    const file = loadCase("strict-problems.yml");
    let error: unknown;
    await loadSpec(file, { strict: true }).catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(InputError);
    const { diagnostics, message } = error as InputError;
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        { file: shown(file), pointer: "/paths/~1things~1{id}/get/responses/200", message: "must NOT have additional properties (unexpected)" },
        { file: shown(file), pointer: "/components/parameters/Limit/in", message: "must be equal to one of the allowed values" },
        // validate() reads the document with its $refs followed: the parameter is wrong where it is used too.
        { file: shown(file), pointer: "/paths/~1things~1{id}/get/parameters/1/in", message: "must be equal to one of the allowed values" },
      ]),
    );
    expect(message.split("\n")).toHaveLength(diagnostics.length);
    // Without --strict the same problems are warnings, each place named once, and the document loads.
    const lenient = await loadSpec(file);
    expect(lenient.warnings.list.map((w) => w.pointer)).toContain("/components/parameters/Limit/in");
  });

  test("a number as info.version (or info.title) is read as its text; a list as info.title is left to the validator's warning", async () => {
    const file = loadCase("odd-info.yml");
    const spec = await loadSpec(file);
    expect(spec.warnings.list).toEqual([
      { file: shown(file), pointer: "/info/version", message: 'must be a string; read as "2.5"' },
      { file: shown(file), pointer: "", message: "there is none of `paths`, `components` and `webhooks`; read as a document without operations" },
      { file: shown(file), pointer: "/info/title", message: "must be string" },
    ]);
    expect(buildModel(spec)).toMatchObject({ title: "API", version: "2.5", operations: [] });
  });

  test("the Ideogram spec loads without a single warning, even under --strict", async () => {
    const spec = await loadSpec(IDEOGRAM_SPEC, { strict: true });
    expect(spec.warnings.list).toEqual([]);
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("size", () => {
  test("a JSON document of more than a million nodes loads: the alias guard counts only what YAML aliases repeat", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "codegen-large-"));
    try {
      const file = path.join(dir, "large.json");
      const rows = Array.from({ length: 1_100_000 }, (_, i) => i);
      writeFileSync(file, JSON.stringify({ openapi: "3.1.0", info: { title: "Large", version: "1" }, paths: {}, "x-rows": rows }));
      const spec = await loadSpec(file);
      expect(spec.warnings.list).toEqual([]);
      expect((spec.document["x-rows"] as number[]).length).toBe(1_100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("$refs", () => {
  test("an external local file $ref is bundled in, and the schema naming it stays named", async () => {
    const model = await modelOf(loadCase("external-ref.yml"));
    expect(schemaNamed(model, "Thing").schema).toEqual({
      kind: "object",
      properties: [{ name: "id", required: true, schema: { kind: "string", meta: {} } }],
      additional: undefined,
      meta: {},
    });
    expect(model.operations[0]?.responses[0]?.schema).toEqual({ kind: "array", items: { kind: "ref", name: "Thing", meta: {} }, meta: {} });
  });

  test("a $ref to a $ref is followed to its end: parameters, request bodies, responses; one landing on a named schema names it", async () => {
    const spec = await loadSpec(loadCase("ref-chains.yml"));
    // A patch release swagger-parser does not list (3.1.3) loads as the 3.1 it is, and keeps its number.
    expect([spec.warnings.list, spec.document.openapi]).toEqual([[], "3.1.3"]);
    const [operation] = buildModel(spec).operations;
    expect(operation?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([["x-team", "header", true]]);
    expect(operation?.bodies.map((b) => [b.kind, b.required])).toEqual([["json", true]]);
    expect(operation?.responses.map((r) => [r.status, r.kind, r.schema])).toEqual([
      ["200", "json", { kind: "ref", name: "Thing", meta: {} }],
      ["404", "json", { kind: "ref", name: "Problem", meta: {} }],
    ]);
  });

  test("circular schemas load; named schemas stay `ref` nodes, self- and mutually-recursive", async () => {
    const spec = await loadSpec(fixture("circular.yml"));
    expect(spec.warnings.list).toEqual([]);
    const model = buildModel(spec);
    const tree = schemaNamed(model, "TreeNode").schema;
    expect(tree.kind === "object" && tree.properties.map((p) => [p.name, p.schema])).toEqual([
      ["value", { kind: "string", meta: {} }],
      ["children", { kind: "array", items: { kind: "ref", name: "TreeNode", meta: {} }, meta: {} }],
      ["parent", { kind: "ref", name: "TreeNode", meta: {} }],
    ]);
    const company = schemaNamed(model, "Company").schema;
    expect(company.kind === "object" && company.properties[1]?.schema).toEqual({
      kind: "array",
      items: { kind: "ref", name: "Person", meta: {} },
      meta: {},
    });
  });
});
