import { readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { ROOT } from "../support/specs";

/**
 * What an editor shows on hover, from TypeScript's language service over the committed client:
 * every property of every Ideogram params type must say something of its own.
 */
const PARAMS = path.join(ROOT, "generated", "fetch", "params.ts");
const CLIENT = path.join(ROOT, "generated", "fetch", "client.ts");
const README = path.join(ROOT, "generated", "fetch", "README.md");

function languageService(): ts.LanguageService {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [PARAMS, CLIENT],
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) => (ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)!) : undefined),
    getCurrentDirectory: () => ROOT,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

interface Hover {
  /** `GenerateImageV3Params.aspect_ratio` */
  member: string;
  /** The documentation and tags as an editor prints them. */
  text: string;
}

/**
 * The hover of each property of each exported params type, as the checker sees the type (so an
 * alias of a named schema and an intersection count with all their properties), in file order.
 */
function paramsHovers(): Hover[] {
  const service = languageService();
  const program = service.getProgram()!;
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(PARAMS)!;
  const hovers: Hover[] = [];
  for (const statement of source.statements) {
    if (!(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) continue;
    const owner = statement.name.text;
    for (const property of checker.getTypeAtLocation(statement.name).getApparentProperties()) {
      const declaration = property.declarations?.[0];
      if (!declaration || !ts.isPropertySignature(declaration)) continue;
      // What the editor shows there: the property's own JSDoc and tags.
      const info = service.getQuickInfoAtPosition(declaration.getSourceFile().fileName, declaration.name.getStart());
      const documentation = ts.displayPartsToString(info?.documentation);
      const tags = (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`.trim());
      hovers.push({ member: `${owner}.${property.name}`, text: [documentation, ...tags].filter(Boolean).join("\n") });
    }
  }
  return hovers;
}

/** Each method of the client's resource classes with its hover's tags: `generate.generateImageV3` → ["example …", "throws …"]. */
function methodTags(): Map<string, string[]> {
  const service = languageService();
  const source = service.getProgram()!.getSourceFile(CLIENT)!;
  const tags = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name?.text.endsWith("Resource")) continue;
    const resource = statement.name.text.replace(/Resource$/, "").replace(/^./, (c) => c.toLowerCase());
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const info = service.getQuickInfoAtPosition(CLIENT, member.name.getStart(source));
      tags.set(`${resource}.${member.name.getText(source)}`, (info?.tags ?? []).map((tag) => `${tag.name} ${ts.displayPartsToString(tag.text)}`));
    }
  }
  return tags;
}

describe("hover documentation of the Ideogram client's methods", () => {
  const tags = methodTags();

  test("every method shows its README example call", () => {
    const readme = readFileSync(README, "utf8");
    expect(tags.size).toBe(23);
    for (const [method, methodTags] of tags) {
      const example = methodTags.find((tag) => tag.startsWith("example "));
      const call = /```ts\n([^]*?)\n```/.exec(example ?? "")?.[1];
      expect(call).toContain(`client.${method}(`);
      expect(readme).toContain(call!);
    }
  });

  test("every method lists its error responses with the class each throws", () => {
    expect(tags.get("generate.generateImageV3")!.filter((tag) => tag.startsWith("throws "))).toEqual([
      "throws BadRequestError 400: Invalid input provided.",
      "throws AuthenticationError 401: Not authorized to generate an image.",
      "throws UnprocessableEntityError 422: Prompt failed the safety check.",
      "throws RateLimitError 429: Too many requests.",
    ]);
    for (const [method, methodTags] of tags) expect([method, methodTags.some((tag) => tag.startsWith("throws "))]).toEqual([method, true]);
  });
});

describe("hover documentation of the Ideogram params", () => {
  const hovers = paramsHovers();
  const hoverOf = (member: string) => hovers.find((h) => h.member === member)?.text;

  test("every params property of every operation shows documentation", () => {
    expect(hovers.length).toBeGreaterThan(100);
    expect(hovers.filter((h) => h.text === "").map((h) => h.member)).toEqual([]);
  });

  test("a property typed by a named schema shows that schema's description, default and values", () => {
    expect(hoverOf("GenerateImageV3Params.aspect_ratio")).toContain("The aspect ratio to use for image generation");
    const renderingSpeed = hoverOf("GenerateImageV3Params.rendering_speed");
    expect(renderingSpeed).toContain("The rendering speed to use.");
    expect(renderingSpeed).toContain('One of: "FLASH", "TURBO", "DEFAULT", "QUALITY".');
    expect(renderingSpeed).toContain('@default "DEFAULT"');
    expect(hoverOf("GenerateImageV3Params.num_images")).toContain("@default 1");
  });
});
