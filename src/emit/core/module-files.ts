import { stringLiteral } from "../escape";
import { printDoc } from "../print/doc";
import { exportDeclaration, importDeclaration } from "../print/typescript";

/**
 * How the generated files' relative imports end, so they fit the build that compiles them:
 * - `.ts`: the files as they are, for Deno, Node's type stripping, and `tsc` with
 *   `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`;
 * - `.js`: what `module`/`moduleResolution` `node16`/`nodenext` require, on any TypeScript ≥ 4.7;
 * - `.mjs`: `.mts` files, ES modules in any package scope, for CommonJS projects whose
 *   `verbatimModuleSyntax` forbids `import` in a `.ts` file there;
 * - `none`: no extension, as bundlers resolve them.
 */
export const IMPORT_EXTENSIONS = [".ts", ".js", ".mjs", "none"] as const;
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number];

/** The names the generated TypeScript files take and give each other, for one import extension. */
export interface ModuleFiles {
  extension: ImportExtension;
  /** `runtime/errors` → `runtime/errors.ts` (or `.mts`): the file's path in the client folder. */
  file(stem: string): string;
  /** `./runtime/errors` → `"./runtime/errors.js"`: the quoted specifier an import uses. */
  specifier(stem: string): string;
  /** A runtime template, written with `.ts` specifiers, with its relative specifiers ended as this extension asks. */
  rewrite(source: string): string;
}

/** A relative import or re-export in a runtime template, on one line or several: `import { a, type B } from "./x.ts";`. */
const TEMPLATE_IMPORT = /^(import|export)( type)? \{([^}]*)\} from "(\.\.?\/[^"]+)\.ts";$/gm;
const RELATIVE_TS_IMPORT = /\bfrom "\.\.?\/[^"]+\.ts"/;

/** What `emit: "js"` writes for a source: `client.ts` → `client.js` + `client.d.ts`, `client.mts` → `.mjs` + `.d.mts`. */
export function compiledNames(source: string): { js: string; dts: string } {
  const [extension, js, dts] = source.endsWith(".mts") ? [".mts", ".mjs", ".d.mts"] : [".ts", ".js", ".d.ts"];
  const stem = source.slice(0, -extension.length);
  return { js: `${stem}${js}`, dts: `${stem}${dts}` };
}

export function moduleFiles(extension: ImportExtension): ModuleFiles {
  const specifier = (stem: string) => stringLiteral(`${stem}${extension === "none" ? "" : extension}`);
  return {
    extension,
    file: (stem) => `${stem}${extension === ".mjs" ? ".mts" : ".ts"}`,
    specifier,
    rewrite(source) {
      if (extension === ".ts") return source;
      // Printed again, not edited in place: a specifier of another length may move the line past 120 columns or back.
      const rewritten = source.replace(TEMPLATE_IMPORT, (_match, keyword: string, type: string | undefined, list: string, stem: string) => {
        const clause = { names: list.split(",").map((name) => name.trim()).filter(Boolean), typeOnly: type !== undefined };
        const from = specifier(stem);
        return printDoc((keyword === "import" ? importDeclaration(from, clause) : exportDeclaration(from, clause)).doc).text;
      });
      if (RELATIVE_TS_IMPORT.test(rewritten)) throw new Error(`a runtime template imports in a form the rewrite does not know: ${RELATIVE_TS_IMPORT.exec(rewritten)![0]}`);
      return rewritten;
    },
  };
}
