import { InputError, quote, type Diagnostic } from "./diagnostics";
import { emitShared, emitVariant, type Unsettled, type Variant } from "./emit/core/emit-client";
import type { ClientSettings } from "./emit/core/client-file";
import { moduleFiles, type ImportExtension } from "./emit/core/module-files";
import { reservedTypeNames, RUNTIME_NAMES } from "./emit/core/runtime-files";
import { axiosVariant } from "./emit/axios/axios-variant";
import { fetchVariant } from "./emit/fetch/fetch-variant";
import { formatFiles } from "./format/format";
import { compileToJavaScript } from "./emit/js/compile";
import { buildModel } from "./ir/build-model";
import { clientClassName } from "./ir/naming";
import type { ApiModel } from "./ir/types";
import { loadSpec, type LoadedSpec, type LoadOptions } from "./load/load-spec";
import { addHeaders } from "./write/header";
import type { CodegenConfig, VariantName } from "./config/config";

const VARIANTS: Record<VariantName, Variant> = { fetch: fetchVariant, axios: axiosVariant };

export const GENERATOR_VERSION: string = require("../package.json").version;

/** The configuration's client settings, with the spec and clients settled and the load flags. */
export interface GenerateRequest extends Omit<CodegenConfig, "spec" | "output" | "clients" | "importExtension"> {
  spec: string;
  clients: readonly VariantName[];
  /** Settled (the CLI reads the consumer's tsconfig.json for `auto`); default `.ts`. */
  importExtension?: ImportExtension;
  strict?: boolean;
  allowRemoteRefs?: boolean;
  /** Milliseconds to wait for a spec URL. */
  fetchTimeout?: number;
}

export interface GenerateResult {
  /** `<variant>/<file>` → final text. */
  files: Map<string, string>;
  model: ApiModel;
  warnings: Diagnostic[];
  /** sha256 of the spec's bytes, as read. */
  sha256: string;
  /** Files the spec was read from (the spec and the local files its `$ref`s reach), for watching. */
  sources: string[];
  /** Files whose layout prettier settled (the emitters print prettier's layout for everything else). */
  formattedByPrettier: string[];
  /** Milliseconds per stage. */
  timings: Record<"load" | "ir" | "emit" | "format" | "compile", number>;
}

/** The model the emitters would see, and the client settings: what `inspect` shows. */
export async function loadModel(
  request: Omit<GenerateRequest, "clients">,
): Promise<{ spec: LoadedSpec; model: ApiModel; settings: ClientSettings }> {
  const spec = await loadSpec(request.spec, loadOptions(request));
  return { spec, ...modelOf(spec, request) };
}

function loadOptions(request: Omit<GenerateRequest, "clients">): LoadOptions {
  return { strict: request.strict, allowRemoteRefs: request.allowRemoteRefs, fetchTimeout: request.fetchTimeout };
}

function modelOf(spec: LoadedSpec, request: Omit<GenerateRequest, "clients">): { model: ApiModel; settings: ClientSettings } {
  const title = typeof spec.document.info?.title === "string" ? spec.document.info.title : "";
  const settings: ClientSettings = {
    clientName: request.clientName ?? clientClassName(title),
    ...(request.apiName ? { apiName: request.apiName } : {}),
    ...(request.apiKeyEnv ? { apiKeyEnv: request.apiKeyEnv } : {}),
    ...(request.logEnv ? { logEnv: request.logEnv } : {}),
    generator: `ideogram-codegen/${GENERATOR_VERSION}`,
    ...(request.credentialEnv ? { credentialEnv: request.credentialEnv } : {}),
    ...(request.baseUrl ? { baseUrl: request.baseUrl } : {}),
    modules: moduleFiles(request.importExtension ?? ".ts"),
    emit: request.emit ?? "ts",
  };
  const taken = RUNTIME_NAMES.filter((name) => [settings.clientName, `${settings.clientName}Core`, `${settings.clientName}Options`].includes(name));
  if (taken.length) {
    const message = `clientName ${quote(settings.clientName)} would name a class ${taken[0]}, which the generated runtime defines; choose another`;
    throw new InputError({ file: "configuration", pointer: "/clientName", message });
  }
  const model = buildModel(spec, {
    resources: request.resources,
    operations: request.operations,
    bodies: request.bodies,
    docsUrl: request.docsUrl,
    types: request.types,
    reservedTypeNames: reservedTypeNames(settings.clientName),
  });
  const options = new Set(model.auth.flatMap((scheme) => scheme.options));
  for (const option of Object.keys(settings.credentialEnv ?? {})) {
    if (!options.has(option)) {
      const known = options.size ? [...options].join(", ") : "none: the spec names no security scheme operations use";
      throw new InputError({ file: "configuration", pointer: `/credentialEnv/${option}`, message: `the client has no credential option ${quote(option)}; it has ${known}` });
    }
  }
  return { model, settings };
}

/** The whole pipeline in memory: load → IR → emit each variant → format → headers. */
export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  const clock = stopwatch();
  const { model, settings, source, load } = await modelOfSpec(request, clock);
  const ir = clock();
  let files = new Map<string, string>();
  const unsettled = new Map<string, Unsettled>();
  const shared = emitShared(model, settings);
  for (const name of request.clients) {
    const own = emitVariant(model, settings, VARIANTS[name]);
    for (const [path, text] of [...shared.files, ...own.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      files.set(`${name}/${path}`, text);
      const spans = shared.unsettled.get(path) ?? own.unsettled.get(path);
      // TypeScript that is compiled to JavaScript is never read as written: its layout does not matter.
      if (spans && (settings.emit === "ts" || path.endsWith(".md"))) unsettled.set(`${name}/${path}`, spans);
    }
  }
  const emit = clock();
  // The emitters print prettier's layout themselves; prettier settles only what they could not.
  if (request.format === false) unsettled.clear();
  const formattedByPrettier = [...unsettled.keys()];
  if (unsettled.size) files = await formatFiles(files, unsettled);
  const format = clock();
  if (settings.emit === "js") files = await compileToJavaScript(files);
  const compile = clock();
  files = addHeaders(files, { name: source.name, sha256: source.sha256 }, GENERATOR_VERSION);
  return {
    files,
    model,
    warnings: source.warnings,
    sha256: source.sha256,
    sources: source.sources,
    formattedByPrettier,
    timings: { load, ir, emit, format, compile },
  };
}

/**
 * Loads the spec and builds its model, keeping of the loaded document only what the output names:
 * the document (GitHub's parses to some 100 MB) is garbage before the emitters run.
 */
async function modelOfSpec(request: GenerateRequest, clock: () => number) {
  const spec = await loadSpec(request.spec, loadOptions(request));
  const load = clock();
  // A file is named by its base name (never a path of this machine), a URL in full.
  const source = { name: spec.url ? spec.file : spec.file.split("/").pop()!, sha256: spec.sha256, sources: spec.sources, warnings: spec.warnings.list };
  return { ...modelOf(spec, request), source, load };
}


function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return Math.round(elapsed);
  };
}
