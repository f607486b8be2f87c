import { readFileSync } from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { ROOT } from "../support/specs";

/**
 * What an editor shows on hover, from TypeScript's language service over the committed client:
 * every property of every Ideogram params type must say something of its own.
 */
const PARAMS = path.join(ROOT, "generated", "fetch", "params.ts");

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
    getScriptFileNames: () => [PARAMS],
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
