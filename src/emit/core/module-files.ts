import { stringLiteral } from "../escape";

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

/** Every relative specifier in a runtime template: `from "./x.ts"` / `from "../x.ts"`. */
const TEMPLATE_SPECIFIER = /(\bfrom "\.\.?\/[^"]+)\.ts"/g;

export function moduleFiles(extension: ImportExtension): ModuleFiles {
  const suffix = extension === "none" ? "" : extension;
  return {
    extension,
    file: (stem) => `${stem}${extension === ".mjs" ? ".mts" : ".ts"}`,
    specifier: (stem) => stringLiteral(`${stem}${suffix}`),
    rewrite: (source) => (extension === ".ts" ? source : source.replace(TEMPLATE_SPECIFIER, `$1${suffix}"`)),
  };
}
