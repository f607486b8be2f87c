import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { getTsconfig } from "get-tsconfig";
import type { Emit } from "../emit/core/client-file";
import type { ImportExtension } from "../emit/core/module-files";
import { InputError } from "../diagnostics";

/** A value given on the command line (no `file`) or in a configuration file. */
export interface Configured {
  value: ImportExtension | "auto";
  /** The configuration file as messages name it. */
  file?: string;
}

/** The import extension a run uses and why, for the summary line: `.js (tsconfig.json: moduleResolution nodenext)`. */
export interface ImportChoice {
  extension: ImportExtension;
  reason: string;
}

/**
 * Settles `importExtension: auto` for a client written into `outDir`, from what compiles it there:
 * the nearest `tsconfig.json` above the folder (its `extends` followed) and the nearest
 * `package.json` (whether the folder is an ES module scope). The same files give the same answer on
 * every machine, so `check` decides as `generate` did.
 *
 * - `emit: js`: `.js` in an ES module scope, else `.mjs`, so Node reads the files as ES modules.
 * - no tsconfig.json: `.ts` (Deno and Node's type stripping load the files as they are);
 * - `verbatimModuleSyntax` where the client would be CommonJS: `.mjs` (`.mts` files);
 * - `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`: `.ts`;
 * - `moduleResolution` node16/nodenext: `.js`;
 * - anything else (bundler, node10, classic): no extension.
 */
export function chooseImportExtension(outDir: string, configured: Configured | undefined, emit: Emit): ImportChoice {
  if (configured && configured.value !== "auto") {
    const { value, file } = configured;
    if (emit === "js" && value !== ".js" && value !== ".mjs") {
      const where = file ? { file, pointer: "/importExtension" } : { file: "--import-extension", pointer: "" };
      throw new InputError({ ...where, message: `emit js writes ES modules imported with .js or .mjs, not ${value}` });
    }
    return { extension: value, reason: file ? `${file}: importExtension` : "--import-extension" };
  }
  const esmScope = packageType(outDir) === "module";
  if (emit === "js") {
    return esmScope ? { extension: ".js", reason: "emit js in a package of type module" } : { extension: ".mjs", reason: "emit js outside a package of type module" };
  }
  const found = readTsconfig(outDir);
  if (!found) return { extension: ".ts", reason: "no tsconfig.json above the output folder" };
  const options = found.options;
  const shown = path.relative(process.cwd(), found.file) || found.file;
  const module = String(options.module ?? "").toLowerCase();
  const resolution = String(options.moduleResolution ?? "").toLowerCase();
  if (options.verbatimModuleSyntax === true && (module === "commonjs" || (/^node/.test(module) && !esmScope))) {
    return { extension: ".mjs", reason: `${shown}: verbatimModuleSyntax in CommonJS, so .mts files` };
  }
  for (const option of ["rewriteRelativeImportExtensions", "allowImportingTsExtensions"]) {
    if (options[option] === true) return { extension: ".ts", reason: `${shown}: ${option}` };
  }
  if (resolution === "node16" || resolution === "nodenext") return { extension: ".js", reason: `${shown}: moduleResolution ${resolution}` };
  return { extension: "none", reason: `${shown}: moduleResolution ${resolution || "default"}` };
}

function readTsconfig(outDir: string): { file: string; options: Record<string, unknown> } | undefined {
  let found: ReturnType<typeof getTsconfig>;
  try {
    found = getTsconfig(path.resolve(outDir));
  } catch (error) {
    throw new InputError({ file: "tsconfig.json", pointer: "", message: `cannot read it to choose the import extension: ${(error as Error).message}` });
  }
  return found ? { file: found.path, options: (found.config.compilerOptions ?? {}) as Record<string, unknown> } : undefined;
}

/** The `type` of the nearest package.json above `dir` (`commonjs` when there is none). */
function packageType(dir: string): string {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const file = path.join(current, "package.json");
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, "utf8")) as { type?: string }).type ?? "commonjs";
      } catch (error) {
        throw new InputError({ file: path.relative(process.cwd(), file) || file, pointer: "", message: `not valid JSON: ${(error as Error).message}` });
      }
    }
    if (path.dirname(current) === current) return "commonjs";
  }
}
