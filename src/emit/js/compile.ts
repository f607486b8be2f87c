import type * as TsMorph from "ts-morph";
import { compiledNames } from "../core/module-files";

/** Where the sources sit in the compiler's in-memory file system; never part of the output. */
const ROOT = "/client/";
const SOURCE = /\.m?ts$/;

/**
 * `emit: "js"`: compiles the emitted TypeScript in memory with ts-morph's bundled compiler (not
 * the consumer's TypeScript) into ES modules with `.d.ts` declarations beside them. The sources
 * already import each other with `.js` (or `.mjs`) specifiers, which the compiler keeps as
 * written; comments and JSDoc are kept. Other files (the README) pass through unchanged.
 *
 * The emitters write every exported type out, so the declarations follow from the text alone
 * (TypeScript's isolated declarations): no lib files, no type check, and a file the variants share
 * is compiled once. Should a file need inference, the whole set is compiled again with the lib
 * files, whose checker infers it.
 */
export async function compileToJavaScript(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  // Loaded only here: a `ts` run never pays for the compiler.
  const tsMorph = require("ts-morph") as typeof TsMorph;
  const { ts } = tsMorph;
  const compilerOptions: TsMorph.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    declaration: true,
    verbatimModuleSyntax: true,
    newLine: ts.NewLineKind.LineFeed,
  };
  const output = new Map<string, string>();
  /** Source text → the paths holding it; the first is compiled. */
  const copies = new Map<string, string[]>();
  for (const [path, text] of files) {
    if (!SOURCE.test(path)) output.set(path, text);
    else copies.set(text, [...(copies.get(text) ?? []), path]);
  }

  const compile = (sources: Iterable<[path: string, text: string]>, options: TsMorph.CompilerOptions) => {
    const project = new tsMorph.Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipLoadingLibFiles: options.noLib === true,
      compilerOptions: options,
    });
    for (const [path, text] of sources) project.createSourceFile(`${ROOT}${path}`, text);
    return project;
  };
  const isolated = compile(
    [...copies].map(([text, [path]]) => [path!, text]),
    { ...compilerOptions, noLib: true, types: [], isolatedDeclarations: true },
  );
  if (isolated.getProgram().getDeclarationDiagnostics().length === 0) {
    const emitted = new Map(isolated.emitToMemory().getFiles().map((file) => [file.filePath.slice(ROOT.length), file.text]));
    for (const paths of copies.values()) {
      const compiled = compiledNames(paths[0]!);
      for (const path of paths) {
        const names = compiledNames(path);
        output.set(names.js, emitted.get(compiled.js)!);
        output.set(names.dts, emitted.get(compiled.dts)!);
      }
    }
  } else {
    const inferred = compile(
      [...files].filter(([path]) => SOURCE.test(path)),
      { ...compilerOptions, lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"], types: [] },
    );
    for (const file of inferred.emitToMemory().getFiles()) output.set(file.filePath.slice(ROOT.length), file.text);
  }
  return new Map([...output].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
