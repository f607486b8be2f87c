import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { InputError } from "../../src/diagnostics";
import { paramsShape } from "../../src/emit/core/params-file";
import { NODE_EXPORTS, RUNTIME_EXPORTS } from "../../src/emit/core/runtime-files";
import { generate, type GenerateRequest, type GenerateResult } from "../../src/generate";
import { pascalCase, typeIdentifier } from "../../src/ir/naming";
import type { ApiModel, NamedSchema, Operation, SchemaNode } from "../../src/ir/types";
import { loadClient, type Sandbox, type SentRequest } from "../support/sandbox";
import { fixture } from "../support/specs";
import { typeCheckFolder, writeGenerated } from "../support/typescript";

const { CODE_MARKERS, scan } = require("../support/scan-source.js") as typeof import("../support/scan-source.js");

/*
 * Hostile and broken input (test/fixtures/hostile/): spec text that tries to become code, names
 * that collide with each other or with the client's own, and shapes that overflow recursion.
 * Each either generates a client that compiles, exports only what the model names, runs nothing
 * from the spec and keeps every wire name and value byte for byte; or fails with an InputError.
 */

const VARIANTS = ["fetch", "axios"] as const;
type Variant = (typeof VARIANTS)[number];

/** The same text inside a string literal, where only a wire name or value may carry it. */
const STRING_MARKERS = [/pwned/, /process\.exit/, /child_process/, /\*\//, /\$\{/];

interface GeneratingCase {
  name: string;
  spec: () => string;
  request?: Partial<GenerateRequest>;
  /** Every warning must match one of these, and each of these must match a warning: the degradations. */
  warnings: RegExp[];
}

const work = mkdtempSync(path.join(tmpdir(), "codegen-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hostile = (name: string) => () => fixture("hostile", name);

const CASES: GeneratingCase[] = [
  { name: "descriptions", spec: hostile("descriptions.yml"), warnings: [] },
  {
    name: "enum-values",
    spec: hostile("enum-values.yml"),
    warnings: [/^\/components\/schemas\/(Huge|Unsafe)\/enum: .*out-of-range number values are not typed exactly; widened$/],
  },
  {
    name: "property-names",
    spec: hostile("property-names.yml"),
    warnings: [
      /^\/paths\/~1multipart\/post\/requestBody\/content\/multipart~1form-data\/encoding\/1leading\/contentType: must be string$/,
      /^\/paths\/~1multipart\/post\/requestBody\/content\/multipart~1form-data\/encoding\/(with-dash|1leading)\/contentType: .* is not a media type or a list of them; the part is sent with its default Content-Type$/,
    ],
  },
  {
    name: "operation-ids",
    spec: hostile("operation-ids.yml"),
    // Maps that do not name these operations: looking an operationId up must not find Object.prototype's `constructor`.
    request: { operations: { unrelated: "other" } },
    warnings: [/^\/components\/schemas: must match pattern/, /\/operationId: method name \S+ is taken; this operation is \S+$/],
  },
  { name: "schema-names", spec: hostile("schema-names.yml"), warnings: [/^\/components\/schemas: must match pattern/] },
  {
    name: "tags",
    spec: hostile("tags.yml"),
    request: { resources: { unrelated: "other" } },
    warnings: [
      /^\/paths\/~1untagged\/get\/operationId: method name userProfile is taken; this operation is userProfile2$/,
      /^\/paths\/~1(b|c|d|empty)\/get\/tags\/0: tag "[^"]*" names resource (userProfile|resource), as tag "(user-profile|!!!)" does; their operations share it$/,
    ],
  },
  {
    name: "recursion",
    spec: hostile("recursion.yml"),
    warnings: [
      /^\/components\/schemas\/(Node|Circle|Square|Or|Wrapped): refers to itself through \$ref, allOf, oneOf or anyOf alone \(.+\); that reference is dropped$/,
    ],
  },
  {
    // What the fuzzer found generators stumble on: empty compositions, a parameter named `body`
    // beside a body sent whole, optional parameters named as Object.prototype's members, names
    // starting with a digit of another script or holding U+2E2F (a letter to ES5 and to prettier,
    // not to TypeScript), and $refs to such names percent-encoded.
    name: "odd-shapes",
    spec: hostile("odd-shapes.json"),
    warnings: [/^\/(components\/schemas\/EmptyA(ll|ny)\/(allOf|anyOf)|paths\/~1upload\/post\/responses\/200\/content\/application~1json\/schema\/oneOf): an empty (allOf|anyOf|oneOf) holds no schema; ignored$/],
  },
  {
    name: "deep 3.0",
    spec: () => writeSpec("deep-3.0.json", JSON.stringify({ ...deepSpec(600), openapi: "3.0.3" })),
    warnings: [
      /^\/components\/schemas\/(Deep|DeepArray|DeepAllOf)\/.*: nested more than 32 levels deep; typed as unknown$/,
      /^\/components\/schemas\/(Deep|DeepArray|DeepAllOf)\/.*: nested more than 256 levels deep below this point \(and \d+ more places\); not validated there$/,
      /^\/components\/schemas\/(Alias\d+|Top): refers to Alias599 through a chain of \d+ aliases; typed as Alias599 directly$/,
    ],
  },
  {
    name: "deep",
    spec: () => writeSpec("deep.json", JSON.stringify(deepSpec(1000))),
    warnings: [
      /^\/components\/schemas\/(Deep|DeepArray|DeepAllOf)\/.*: nested more than 32 levels deep; typed as unknown$/,
      /^\/components\/schemas\/(Deep|DeepArray|DeepAllOf)\/.*: nested more than 256 levels deep below this point \(and \d+ more places\); not validated there$/,
      /^\/components\/schemas\/(Alias\d+|Top): refers to Alias999 through a chain of \d+ aliases; typed as Alias999 directly$/,
    ],
  },
];

const BROKEN: { name: string; spec: () => string; error: RegExp }[] = [
  {
    name: "a YAML alias bomb",
    spec: hostile("broken/yaml-alias-bomb.yml"),
    error: /yaml-alias-bomb\.yml: YAML aliases repeat parts of the document to more than 1,000,000 nodes/,
  },
  {
    name: "a YAML alias inside its own anchor",
    spec: hostile("broken/yaml-alias-cycle.yml"),
    error: /yaml-alias-cycle\.yml#\/paths\/~1cycle\/post\/requestBody\/content\/application~1json\/schema\/properties\/left: a YAML alias repeats a node inside that node itself/,
  },
  {
    name: "a document nested 20,000 levels deep",
    spec: () => writeSpec("too-deep.json", nestedText(20_000)),
    error: /too-deep\.json#\/components\/schemas\/Deep: nested more than 3,000 levels deep below this point$/,
  },
  {
    name: "a $ref whose hostile text points nowhere",
    spec: hostile("broken/dangling-ref.yml"),
    error: /dangling-ref\.yml#\/paths\/~1x\/get\/responses\/200\/content\/application~1json\/schema: \$ref "#\/components\/schemas\/\*\/pwned\(\)\/\*" points to nothing in the document$/,
  },
  {
    name: "a $ref that is no percent-encoding",
    spec: () => writeSpec("bad-escape.json", JSON.stringify({ openapi: "3.1.0", info: { title: "T", version: "1" }, components: { schemas: { A: { $ref: "#/components/schemas/%ZZ" } } } })),
    error: /bad-escape\.json#\/components\/schemas\/A: \$ref "#\/components\/schemas\/%ZZ" points to nothing in the document$/,
  },
  {
    name: "a YAML list instead of a document",
    spec: hostile("broken/not-a-document.yml"),
    error: /not-a-document\.yml: not an OpenAPI document: the top level is not an object$/,
  },
];

function writeSpec(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

/**
 * A document 1,000 levels deep five ways: inline objects, a chain of named objects each holding
 * the next, a chain of aliases, arrays of arrays and allOf inside allOf, each sent and received.
 */
function deepSpec(depth: number): object {
  const schemas: Record<string, unknown> = {};
  let inline: object = { type: "string", description: '*/ pwned("deepest") /*' };
  for (let i = depth - 1; i >= 0; i--) inline = { type: "object", required: [`level${i}`], properties: { [`level${i}`]: inline } };
  schemas.Deep = inline;
  for (let i = 0; i < depth; i++) {
    schemas[`Chain${i}`] = i === depth - 1
      ? { type: "string" }
      : { type: "object", required: ["next"], properties: { next: { $ref: `#/components/schemas/Chain${i + 1}` } } };
  }
  for (let i = 0; i < depth; i++) {
    schemas[`Alias${i}`] = i === depth - 1 ? { type: "string", enum: ["end", "*/pwned()/*"] } : { $ref: `#/components/schemas/Alias${i + 1}` };
  }
  schemas.Top = { $ref: "#/components/schemas/Alias0" };
  let array: object = { type: "integer" };
  for (let i = 0; i < depth; i++) array = { type: "array", items: array };
  schemas.DeepArray = array;
  let allOf: object = { type: "object", properties: { leaf: { type: "string" } } };
  for (let i = 0; i < depth; i++) allOf = { allOf: [allOf, { type: "object", properties: { [`p${i}`]: { type: "integer" } } }] };
  schemas.DeepAllOf = allOf;
  const json = (name: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${name}` } } });
  const send = (id: string, name: string) => ({
    post: { operationId: id, requestBody: { required: true, content: json(name) }, responses: { 200: { description: "ok", content: json(name) } } },
  });
  return {
    openapi: "3.1.0",
    info: { title: "Deep", version: "1.0.0" },
    servers: [{ url: "https://api.example.test" }],
    paths: {
      "/deep": send("send-deep", "Deep"),
      "/chain": send("send-chain", "Chain0"),
      "/alias": send("send-alias", "Top"),
      "/array": send("send-array", "DeepArray"),
      "/all-of": send("send-all-of", "DeepAllOf"),
    },
    components: { schemas },
  };
}

/** A document whose one schema nests `depth` objects, as text: JSON.stringify itself overflows on it. */
function nestedText(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `{"type":"object","properties":{"l${i}":`).join("");
  const schema = `${open}{"type":"string"}${"}}".repeat(depth)}`;
  return `{"openapi":"3.1.0","info":{"title":"Too deep","version":"1"},"paths":{},"components":{"schemas":{"Deep":${schema}}}}`;
}

const results = new Map<string, GenerateResult>();
const requestOf = (c: GeneratingCase): GenerateRequest => ({ spec: c.spec(), clients: ["fetch", "axios"], ...c.request });

beforeAll(async () => {
  for (const c of CASES) results.set(c.name, await generate(requestOf(c)));
  for (const c of CASES) writeGenerated(path.join(work, c.name), results.get(c.name)!.files);
}, 120_000);

const resultOf = (name: string) => results.get(name)!;

/** The client class name `generate` chose (no case sets one in its request). */
function clientNameOf(model: ApiModel): string {
  return typeIdentifier(`${pascalCase(model.title) || "Api"}Client`);
}

describe("the checks below would notice injected code", () => {
  test("the sandbox records what a planted call does: pwned(), process.exit, require", () => {
    const planted = 'pwned("x"); process.exit(1); try { require("child_process"); } catch {}\nexport const ok = 1;';
    const sandbox = loadClient(new Map([["fetch/index.ts", planted]]), "fetch");
    expect(sandbox.tripped).toEqual(["pwned(x)", "process.exit", "process.exit(1)", "require(child_process)"]);
    expect(sandbox.exports.ok).toBe(1);
  });

  test("the scan sees code that a comment closed too early let out, and tells it from a string", () => {
    const { code, strings } = scan('/** a *\/ b */ pwned(); /* c */ const s = "pwned()";');
    expect(CODE_MARKERS.filter((m) => m.test(code)).map(String)).toEqual([String(CODE_MARKERS[0])]);
    expect(strings).toEqual(["pwned()"]);
  });
});

describe("broken input fails with an InputError that names the file and the place", () => {
  test.each(BROKEN)("$name", async ({ spec, error }) => {
    const outcome = await generate({ spec: spec(), clients: ["fetch", "axios"] }).then(
      () => "generated",
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(InputError);
    expect((outcome as InputError).message).toMatch(error);
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
  test("generates both variants, warning exactly about what it degrades", () => {
    const { files, warnings } = resultOf(name);
    expect([...files.keys()].filter((f) => f.endsWith("/index.ts")).sort()).toEqual(["axios/index.ts", "fetch/index.ts"]);
    const messages = warnings.map((w) => `${w.pointer}: ${w.message}`);
    for (const message of messages) expect({ message, expected: c.warnings.some((p) => p.test(message)) }).toEqual({ message, expected: true });
    for (const pattern of c.warnings) expect({ pattern: String(pattern), warned: messages.some((m) => pattern.test(m)) }).toEqual({ pattern: String(pattern), warned: true });
  });

  test("every generated file is in prettier's layout, whether the printer or the prettier fallback laid it out", async () => {
    const { layoutDiffers } = require("../support/layout.js") as typeof import("../support/layout.js");
    expect(await layoutDiffers(resultOf(name).files, (file) => !file.includes("/runtime/"))).toEqual([]);
  });

  test("index.ts exports exactly the model's names: schemas, params types, functions, client classes, runtime", () => {
    const { model } = resultOf(name);
    const clientName = clientNameOf(model);
    const expected = [
      ...model.schemas.map((s) => s.name),
      "ErrorBodies",
      ...model.operations.flatMap((op) => paramsShape(op).typeName ?? []),
      ...model.operations.map((op) => op.name),
      clientName,
      `${clientName}Core`,
      ...model.resources.map((r) => r.className),
      ...Object.values(RUNTIME_EXPORTS).flat(),
    ];
    // One name, one meaning: an operation that took a schema's or the runtime's name would be shadowed.
    expect(expected.filter((n, i) => expected.indexOf(n) !== i)).toEqual([]);
    for (const variant of VARIANTS) {
      expect({ variant, index: exportsOf(name, variant, "index.ts") }).toEqual({ variant, index: [...expected].sort() });
      expect({ variant, node: exportsOf(name, variant, "node.ts") }).toEqual({ variant, node: [...expected, ...NODE_EXPORTS].sort() });
    }
    for (const exported of expected) expect(exported).toMatch(/^[\p{L}_$][\p{L}\p{Nd}_$]*$/u);
  });

  test("no comment closes early and no spec text is code: outside comments and string literals the markers never appear", () => {
    const { files, model } = resultOf(name);
    const wire = wireStrings(model);
    for (const [file, text] of files) {
      if (!file.endsWith(".ts") || file.includes("/runtime/")) continue;
      expect({ file, lineBreaks: text.match(/[\r\u2028\u2029]/g) ?? [] }).toEqual({ file, lineBreaks: [] });
      const { code, strings, errors } = scan(text);
      expect({ file, errors }).toEqual({ file, errors: [] });
      for (const marker of CODE_MARKERS) expect({ file, marker: String(marker), match: marker.exec(code)?.[0] }).toEqual({ file, marker: String(marker), match: undefined });
      // A string literal that carries a marker is a wire name or value (a property, parameter, enum value, path or URL).
      for (const value of strings) {
        if (STRING_MARKERS.some((m) => m.test(value))) expect({ file, value, wire: wire.has(value) }).toEqual({ file, value, wire: true });
      }
    }
  });

  describe.each(VARIANTS)("%s client", (variant) => {
    let sandbox: Sandbox;
    beforeAll(() => {
      sandbox = loadClient(resultOf(name).files, variant);
    });
    afterEach(() => expect(sandbox.tripped).toEqual([]));

    test("loads without running anything from the spec, and is no thenable", () => {
      expect(sandbox.exports).not.toHaveProperty("then");
      const { model } = resultOf(name);
      const Client = sandbox.exports[clientNameOf(model)] as new (options: object) => Record<string, unknown>;
      const client = new Client({ ...sandbox.transport });
      expect(typeof client.then).toBe("undefined");
      expect(typeof client.request).toBe("function");
      for (const resource of model.resources) expect(typeof (client[resource.property] as object | undefined)).toBe("object");
    });

    test("every operation, as a method and as a function, sends its own method and route", async () => {
      const { model } = resultOf(name);
      const clientName = clientNameOf(model);
      const Client = sandbox.exports[clientName] as new (options: object) => Record<string, Record<string, Call>>;
      const Core = sandbox.exports[`${clientName}Core`] as new (options: object) => object;
      const client = new Client({ ...sandbox.transport });
      const core = new Core({ ...sandbox.transport });
      for (const operation of model.operations) {
        const params = sampleParams(operation, model);
        const args = paramsShape(operation).typeName ? [params] : [];
        const owner = operation.resource === undefined ? (client as unknown as Record<string, Call>) : client[operation.resource]!;
        sandbox.requests.length = 0;
        await owner[operation.name]!.call(owner, ...args);
        await (sandbox.exports[operation.name] as Call)(core, ...args);
        const expected = { method: operation.method, url: `${(model.servers[0]?.url ?? "").replace(/\/+$/, "")}${routeOf(operation, params)}` };
        const sent = sandbox.requests.map((r) => ({ method: r.method, url: r.url.split("?")[0] }));
        expect({ operation: operation.name, sent }).toEqual({ operation: operation.name, sent: [expected, expected] });
      }
    });
  });
});

describe.each(VARIANTS)("the %s client keeps hostile names and values byte for byte on the wire", (variant) => {
  const fresh = (name: string) => {
    const sandbox = loadClient(resultOf(name).files, variant);
    const Client = sandbox.exports[clientNameOf(resultOf(name).model)] as new (options: object) => Record<string, Record<string, Call>>;
    return { sandbox, client: new Client({ ...sandbox.transport, baseUrl: "https://wire.test" }) };
  };
  const only = (sandbox: Sandbox): SentRequest => {
    expect(sandbox.requests).toHaveLength(1);
    return sandbox.requests.pop()!;
  };

  describe("property-names", () => {
    const odd = () => {
      const schema = resultOf("property-names").model.schemas.find((s) => s.sourceName === "Odd")!.schema as SchemaNode & { kind: "object" };
      return schema.properties.map((p) => p.name);
    };
    /** Own properties only, `__proto__` included (an object literal would set the prototype instead). */
    const values = (names: string[]) => Object.fromEntries(names.map((n) => [n, n === "enum" ? '*/pwned("enum")/*' : `value of ${n}`]));

    test("a JSON body sends every property under its own name, and nothing the caller did not set", async () => {
      const { sandbox, client } = fresh("property-names");
      const all = values(odd());
      await client.names!.sendJson!(all);
      expect(only(sandbox).body).toBe(JSON.stringify(all));
      const required = values(["with space", "__proto__"]);
      await client.names!.sendJson!(required);
      expect(only(sandbox).body).toBe(JSON.stringify(required));
      expect(sandbox.tripped).toEqual([]);
    });

    test("a multipart body sends one part per property, named as the spec names it, and no part for what is absent", async () => {
      const { sandbox, client } = fresh("property-names");
      const all = values(odd());
      await client.names!.sendMultipart!(all);
      // The spec's encoding sends `constructor` as JSON; its content types that are not one media type are ignored.
      expect(textParts(only(sandbox))).toEqual(
        odd().map((n) => ({
          disposition: `form-data; name="${quotedName(n)}"`,
          ...(n === "constructor" ? { contentType: "application/json", value: JSON.stringify(all[n]) } : { value: all[n] }),
        })),
      );
      await client.names!.sendMultipart!(values(["with space", "__proto__"]));
      expect(textParts(only(sandbox)).map((p) => p.disposition)).toEqual(['form-data; name="with space"', 'form-data; name="__proto__"']);
      expect(sandbox.tripped).toEqual([]);
    });

    test("path, query and header parameters travel under their wire names, and no parameter the caller did not set", async () => {
      const { sandbox, client } = fresh("property-names");
      const operation = resultOf("property-names").model.operations.find((op) => op.name === "sendQuery")!;
      const path: [string, string][] = [["path param", "a b/c?"], ["__proto__", "p"], ["constructor", "c"]];
      const query = operation.parameters.filter((p) => p.in === "query");
      const params = Object.fromEntries([
        ...path,
        ...query.map((p) => [p.key, `value of ${p.name} & more`]),
        ["X-Odd_Header.1", "header value"],
      ]);
      await client.names!.sendQuery!(params);
      const sent = only(sandbox);
      const pairs = query.map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(`value of ${p.name} & more`)}`);
      expect(sent.url).toBe(`https://wire.test/query/a%20b%2Fc%3F/p/c?${pairs.join("&")}`);
      expect(sent.headers["x-odd_header.1"]).toBe("header value");
      await client.names!.sendQuery!(Object.fromEntries(path));
      expect(only(sandbox).url).toBe("https://wire.test/query/a%20b%2Fc%3F/p/c");
      expect(sandbox.tripped).toEqual([]);
    });
  });

  describe("enum-values", () => {
    const named = (name: string): NamedSchema => resultOf("enum-values").model.schemas.find((s) => s.name === name)!;
    const quoted = () => named("Quoted").enumMembers!.map((m) => m.value as string);

    test("each `as const` object holds every member under its key, `__proto__` included", () => {
      const { sandbox } = fresh("enum-values");
      for (const name of ["Quoted", "Numbers", "Named"]) {
        const members = named(name).enumMembers!;
        const object = sandbox.exports[name] as Record<string, unknown>;
        expect({ name, entries: Object.entries(object) }).toEqual({ name, entries: members.map((m) => [m.key, m.value]) });
        expect(Object.getPrototypeOf(Object.getPrototypeOf(object))).toBeNull();
      }
    });

    test("a query parameter, a JSON body and a repeated multipart field send every value exactly", async () => {
      const { sandbox, client } = fresh("enum-values");
      for (const value of quoted()) {
        await client.enums!.search!({ quoted: value });
        expect({ value, url: only(sandbox).url }).toEqual({ value, url: `https://wire.test/search?quoted=${encodeURIComponent(value)}` });
      }
      const body = { quoted: quoted()[0], numbers: named("Numbers").enumMembers!.map((m) => m.value), mixed: null };
      await client.enums!.submit!(body);
      expect(only(sandbox).body).toBe(JSON.stringify(body));
      await client.enums!.upload!({ quoted: '*/ pwned("enum") /*', many: quoted(), number: -2.25 });
      expect(textParts(only(sandbox)).map((p) => [p.disposition, p.value])).toEqual([
        ['form-data; name="quoted"', '*/ pwned("enum") /*'],
        ...quoted().map((v) => ['form-data; name="many"', v]),
        ['form-data; name="number"', "-2.25"],
      ]);
      expect(sandbox.tripped).toEqual([]);
    });
  });
});

test("descriptions: spec text starts no JSDoc tag; the only tags are the generator's own", () => {
  for (const variant of VARIANTS) {
    const tags = ["types.ts", "params.ts", "functions.ts", "client.ts"].flatMap((file) =>
      jsDocTags(resultOf("descriptions").files.get(`${variant}/${file}`)!).map((tag) => `${file} ${tag}`),
    );
    expect({ variant, tags }).toEqual({
      variant,
      tags: [
        "types.ts text @default",
        // A property typed by a named schema carries that schema's default.
        "types.ts mode @default",
        "types.ts inner @default",
        "types.ts inner @deprecated",
        "types.ts Mode @default",
        "types.ts Mode @default",
        "params.ts id @default",
        "params.ts mode @default",
        "functions.ts echo @throws",
        "functions.ts legacyEcho @deprecated",
        "client.ts echo @example",
        "client.ts echo @throws",
        "client.ts PwnedInfoTitleProcessExit1Client @example",
        "client.ts legacyEcho @deprecated",
        "client.ts legacyEcho @example",
        "client.ts hostilePath @example",
      ],
    });
  }
});

/** `<declaration> @<tag>` for every JSDoc tag TypeScript reads in a source file, in order. */
function jsDocTags(text: string): string[] {
  const file = ts.createSourceFile("file.ts", text, ts.ScriptTarget.Latest, true);
  const seen = new Set<ts.JSDocTag>();
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    for (const tag of ts.getJSDocTags(node)) {
      if (seen.has(tag)) continue;
      seen.add(tag);
      const owner = ts.isVariableStatement(node) ? node.declarationList.declarations[0] : node;
      const name = owner && "name" in owner && owner.name ? (owner.name as ts.Node).getText(file) : "?";
      found.push(`${name} @${tag.tagName.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test("both variants of every case compile under the strict settings of test/types/tsconfig.json", () => {
  const { status, output } = typeCheckFolder(work);
  expect(output).toBe("");
  expect(status).toBe(0);
}, 180_000);

type Call = (...args: unknown[]) => PromiseLike<unknown>;

let program: ts.Program | undefined;
/** The sorted names a generated entry exports, read by the type checker from the files on disk. */
function exportsOf(name: string, variant: Variant, entry: string): string[] {
  program ??= ts.createProgram(
    CASES.flatMap((c) => VARIANTS.flatMap((v) => ["index.ts", "node.ts"].map((e) => path.join(work, c.name, v, e)))),
    {
      noEmit: true,
      allowImportingTsExtensions: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: [],
      skipLibCheck: true,
      noResolve: false,
    },
  );
  const file = program.getSourceFile(path.join(work, name, variant, entry))!;
  const checker = program.getTypeChecker();
  return checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).map((s) => s.name).sort();
}

/** Every string the model holds that the client may put on the wire: names, values, paths, URLs, media types. */
function wireStrings(model: ApiModel): Set<string> {
  const prose = new Set(["description", "summary", "title", "reason", "default", "version", "operationId", "sourceName"]);
  const found = new Set<string>();
  const walk = (value: unknown, key: string | undefined): void => {
    if (key !== undefined && prose.has(key)) return;
    if (typeof value === "string") found.add(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, undefined));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(model, undefined);
  return found;
}

/** The text parts of a recorded multipart body, in wire order: each Content-Disposition value, Content-Type and text. */
function textParts(request: SentRequest): { disposition: string; contentType?: string; value: string }[] {
  const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(request.headers["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error(`not multipart: ${request.headers["content-type"]}`);
  const sections = request.body.split(`--${boundary}`);
  expect(sections[0]).toBe("");
  expect(sections[sections.length - 1]).toBe("--\r\n");
  return sections.slice(1, -1).map((section) => {
    expect(section.startsWith("\r\n") && section.endsWith("\r\n")).toBe(true);
    const part = section.slice(2, -2);
    const split = part.indexOf("\r\n\r\n");
    const head = /^Content-Disposition: ([^\r\n]*)(?:\r\nContent-Type: ([^\r\n]*))?$/.exec(part.slice(0, split));
    if (!head) throw new Error(`a part header with more than a disposition and a type: ${JSON.stringify(part.slice(0, split))}`);
    return { disposition: head[1]!, ...(head[2] === undefined ? {} : { contentType: head[2] }), value: part.slice(split + 4) };
  });
}

/** A field name in a Content-Disposition header, escaped as the HTML standard's form encoding does. */
function quotedName(name: string): string {
  return name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** The route an operation's params fill in: path parameters percent-encoded in place. */
function routeOf(operation: Operation, params: Record<string, unknown>): string {
  let route = operation.path;
  for (const p of operation.parameters) if (p.in === "path") route = route.split(`{${p.name}}`).join(encodeURIComponent(String(params[p.key])));
  return route;
}

/** Params with every required parameter and body property set to a value of its type (own keys only). */
function sampleParams(operation: Operation, model: ApiModel): Record<string, unknown> {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const sample = (node: SchemaNode, depth: number): unknown => {
    if (depth > 100) return undefined;
    switch (node.kind) {
      case "ref":
        return sample(byName.get(node.name)!.schema, depth + 1);
      case "string":
        return "text";
      case "number":
        return 1;
      case "boolean":
        return true;
      case "null":
        return null;
      case "enum":
        return node.values[0];
      case "binary":
        return new Blob(["bytes"], { type: "text/plain" });
      case "array":
        return [];
      case "object":
        return Object.fromEntries(node.properties.filter((p) => p.required).map((p) => [p.name, sample(p.schema, depth + 1)]));
      case "union":
        return sample(node.variants[0]!, depth + 1);
      case "intersection":
        return Object.assign({}, ...node.parts.map((p) => sample(p, depth + 1)));
      case "unknown":
        return {};
    }
  };
  const entries: [string, unknown][] = operation.parameters
    .filter((p) => p.required)
    .map((p) => [p.key, p.in === "path" ? `${p.name}/${p.key} value` : sample(p.schema, 0)]);
  const body = operation.bodies[0];
  if (body?.flattened) {
    const value = sample(body.schema, 0);
    if (value && typeof value === "object") entries.push(...Object.entries(value));
  } else if (body?.required) {
    entries.push(["body", sample(body.schema, 0)]);
  }
  return Object.fromEntries(entries);
}
