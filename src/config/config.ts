import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { InputError, quote } from "../diagnostics";
import { VALIDATORS_DIR } from "../load/compile-validators";
import { isSpecUrl } from "../load/fetch-spec";
import type { Emit } from "../emit/core/client-file";
import type { ImportExtension } from "../emit/core/module-files";
import type { RequestBodyKind } from "../ir/types";
import { PACKAGE_ROOT } from "../package-root";
import { nativeImport } from "../native-import";

export const VARIANTS = ["fetch", "axios"] as const;
export type VariantName = (typeof VARIANTS)[number];

/** The configuration file's keys; paths in it are relative to the file. */
export interface CodegenConfig {
  spec?: string;
  output?: string;
  clients?: VariantName[];
  clientName?: string;
  /** How the generated README names the API in a sentence (`the Ideogram API`); default: the spec's title. */
  apiName?: string;
  apiKeyEnv?: string;
  /** Environment variable that sets the generated client's `logLevel` (`IDEOGRAM_LOG`). */
  logEnv?: string;
  /** Credential option → environment variable it defaults to. */
  credentialEnv?: Record<string, string>;
  baseUrl?: string;
  /** The documentation site the spec's relative links point into (`https://developer.ideogram.ai`). */
  docsUrl?: string;
  resources?: Record<string, string>;
  /** Schema name in `components/schemas` → the TypeScript name to give it. */
  types?: Record<string, string>;
  operations?: Record<string, string>;
  /** operationId → the request body kind to send, of several the spec offers. */
  bodies?: Record<string, RequestBodyKind>;
  format?: boolean;
  /** How relative imports end; `auto` (the default) reads the nearest tsconfig.json above the output folder. */
  importExtension?: ImportExtension | "auto";
  /** `js`: ES modules with `.d.ts` declarations, compiled by ts-morph, instead of TypeScript sources. */
  emit?: Emit;
}

/** A configuration with its paths made absolute. */
export interface ResolvedConfig extends Omit<CodegenConfig, "spec" | "output"> {
  spec?: string;
  output?: string;
  /** Where it came from, for messages. */
  source: string;
  /** The configuration file's absolute path (watched by `generate --watch`). */
  file: string;
}

/** Looked for in the working directory, in this order: JSON, or an ES module for users who want code. */
export const CONFIG_FILE_NAMES = ["ideogram-codegen.config.json", "ideogram-codegen.config.mjs"] as const;
/** The embedded default: Ideogram's spec and its client settings. */
export const EMBEDDED_CONFIG = path.join(PACKAGE_ROOT, "specs", "ideogram.config.json");

/**
 * The configuration to use: the one named, else the one in the working directory (two of them is
 * an error), else (when no spec is named either) the embedded Ideogram configuration. A file that
 * names no spec, with none on the command line either, adjusts the embedded one: its keys replace
 * Ideogram's, so `{ "output": "src/ideogram", "clients": ["fetch"] }` is a whole configuration.
 */
export async function findConfig(explicit: string | undefined, specGiven: boolean): Promise<ResolvedConfig | undefined> {
  const file = explicit ?? localConfigFile();
  const own = file === undefined ? undefined : await readConfig(file, false);
  if (specGiven || own?.spec) return own;
  const embedded = await readConfig(EMBEDDED_CONFIG, true);
  return own ? { ...embedded, ...own } : embedded;
}

function localConfigFile(): string | undefined {
  const local = CONFIG_FILE_NAMES.map((name) => path.resolve(name)).filter((file) => existsSync(file));
  if (local.length > 1) {
    throw new InputError({ file: CONFIG_FILE_NAMES[1], pointer: "", message: `both ${CONFIG_FILE_NAMES.join(" and ")} exist; keep one` });
  }
  return local[0];
}

/** The file's configuration object: parsed JSON, or an ES module's default export (an object, or a function giving one). */
async function loadRaw(file: string): Promise<unknown> {
  if (!file.endsWith(".mjs")) return JSON.parse(readFileSync(file, "utf8"));
  // The query makes `generate --watch` read an edited module again: import() caches by URL.
  const url = `${pathToFileURL(path.resolve(file)).href}?mtime=${statSync(file).mtimeMs}`;
  const module = (await nativeImport(url)) as { default?: unknown };
  return typeof module.default === "function" ? await (module.default as () => unknown)() : module.default;
}

/** An ajv error as the compiled validator reports it. */
interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The configuration's JSON Schema (`src/config/config.schema.json`), compiled by the build. */
function validateShape(raw: unknown): SchemaError[] {
  const validate = require(path.join(VALIDATORS_DIR, "config.js")) as { (value: unknown): boolean; errors?: SchemaError[] };
  return validate(raw) ? [] : (validate.errors ?? []);
}

/** One message per problem, naming the key: unknown keys with the known ones, wrong values with what is expected. */
function describeProblem(error: SchemaError): { pointer: string; message: string } {
  const key = error.instancePath
    .split("/")
    .slice(1)
    .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i ? `.${segment}` : segment))
    .join("");
  if (error.keyword === "additionalProperties" && error.instancePath === "") {
    const unknown = String(error.params.additionalProperty);
    return { pointer: `/${unknown}`, message: `unknown key "${unknown}"; known keys: ${KNOWN_KEYS.join(", ")}` };
  }
  if (error.keyword === "enum") {
    return { pointer: error.instancePath, message: `"${key}" must be one of ${(error.params.allowedValues as unknown[]).map((v) => quote(v)).join(", ")}` };
  }
  if (error.keyword === "pattern") {
    const expected = key === "docsUrl" ? "an absolute http(s) URL" : "a JavaScript identifier";
    return { pointer: error.instancePath, message: `"${key}" must be ${expected}` };
  }
  return { pointer: error.instancePath, message: `"${key || "configuration"}" ${error.message ?? "is not valid"}` };
}

export const KNOWN_KEYS: readonly (keyof CodegenConfig)[] = [
  "spec", "output", "clients", "clientName", "apiName", "apiKeyEnv", "logEnv", "credentialEnv", "baseUrl", "docsUrl", "resources", "types", "operations", "bodies", "format", "importExtension", "emit",
];

async function readConfig(file: string, embedded: boolean): Promise<ResolvedConfig> {
  const display = embedded ? "embedded Ideogram config" : path.relative(process.cwd(), path.resolve(file)) || file;
  const fail = (pointer: string, message: string): never => {
    throw new InputError({ file: display, pointer, message });
  };
  let raw: unknown;
  try {
    raw = await loadRaw(file);
  } catch (error) {
    return fail("", `cannot read the configuration: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return fail("", file.endsWith(".mjs") ? "the module's default export must be an object" : "the configuration must be a JSON object");
  }
  const [first, ...more] = validateShape(raw).map(describeProblem);
  if (first) fail(first.pointer, [first.message, ...more.map((p) => `${display}#${p.pointer}: ${p.message}`)].join("\n"));
  const { $schema: _schema, ...config } = raw as CodegenConfig & { $schema?: string };
  const base = path.dirname(path.resolve(file));
  return {
    ...config,
    source: display,
    file: path.resolve(file),
    ...(config.spec ? { spec: isSpecUrl(config.spec) ? config.spec : path.resolve(base, config.spec) } : {}),
    // The embedded configuration writes into the user's working directory, not into this package.
    ...(config.output ? { output: embedded ? path.resolve(config.output) : path.resolve(base, config.output) } : {}),
  };
}

