import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { InputError } from "../diagnostics";

export const VARIANTS = ["fetch", "axios"] as const;
export type VariantName = (typeof VARIANTS)[number];

/** The configuration file's keys; paths in it are relative to the file. */
export interface CodegenConfig {
  spec?: string;
  output?: string;
  clients?: VariantName[];
  clientName?: string;
  apiKeyEnv?: string;
  baseUrl?: string;
  resources?: Record<string, string>;
  operations?: Record<string, string>;
  format?: boolean;
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

export const CONFIG_FILE_NAME = "ideogram-codegen.config.json";
/** The embedded default: Ideogram's spec and its client settings. */
export const EMBEDDED_CONFIG = path.join(__dirname, "..", "..", "specs", "ideogram.config.json");

/**
 * The configuration to use: the one named, else `ideogram-codegen.config.json` in the working
 * directory, else (when no spec is named either) the embedded Ideogram configuration.
 */
export function findConfig(explicit: string | undefined, specGiven: boolean): ResolvedConfig | undefined {
  if (explicit) return readConfig(explicit, false);
  const local = path.resolve(CONFIG_FILE_NAME);
  if (existsSync(local)) return readConfig(local, false);
  return specGiven ? undefined : readConfig(EMBEDDED_CONFIG, true);
}

const SHAPE: Record<keyof CodegenConfig, (value: unknown) => boolean> = {
  spec: (v) => typeof v === "string",
  output: (v) => typeof v === "string",
  clients: (v) => Array.isArray(v) && v.every((c) => (VARIANTS as readonly unknown[]).includes(c)),
  clientName: (v) => typeof v === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(v),
  apiKeyEnv: (v) => typeof v === "string",
  baseUrl: (v) => typeof v === "string",
  resources: (v) => isStringMap(v),
  operations: (v) => isStringMap(v),
  format: (v) => typeof v === "boolean",
};

function readConfig(file: string, embedded: boolean): ResolvedConfig {
  const display = embedded ? "embedded Ideogram config" : path.relative(process.cwd(), path.resolve(file)) || file;
  const fail = (pointer: string, message: string): never => {
    throw new InputError({ file: display, pointer, message });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return fail("", `cannot read the configuration: ${(error as Error).message}`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return fail("", "the configuration must be a JSON object");
  for (const [key, value] of Object.entries(raw)) {
    const check = SHAPE[key as keyof CodegenConfig];
    if (!check) fail(`/${key}`, `unknown key "${key}"; known keys: ${Object.keys(SHAPE).join(", ")}`);
    else if (!check(value)) fail(`/${key}`, `"${key}" has the wrong type or value`);
  }
  const config = raw as CodegenConfig;
  const base = path.dirname(path.resolve(file));
  return {
    ...config,
    source: display,
    file: path.resolve(file),
    ...(config.spec ? { spec: path.resolve(base, config.spec) } : {}),
    // The embedded configuration writes into the user's working directory, not into this package.
    ...(config.output ? { output: embedded ? path.resolve(config.output) : path.resolve(base, config.output) } : {}),
  };
}

function isStringMap(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}
