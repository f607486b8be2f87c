import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { ModuleFiles } from "./module-files";
import { PACKAGE_ROOT } from "../../package-root";

/** Everything the runtime exports, by module; schemas and params types must not take these names. */
export const RUNTIME_EXPORTS = {
  "api-promise": ["ApiPromise", "WithResponse"],
  "client-core": ["ClientCore", "ClientOptions", "CoreOptions", "RequestOptions", "ClientDefaults", "OperationSpec"],
  "download": ["DownloadedImage", "DownloadOptions", "FailedImage", "ImageLink", "ImageOutcome", "SkippedImage"],
  "errors": [
    "SdkError", "ApiError", "BadRequestError", "AuthenticationError", "PaymentRequiredError", "PermissionDeniedError",
    "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
    "UnexpectedResponseError",
    "ApiConnectionError", "ApiTimeoutError", "ApiAbortError",
  ],
  "log": ["LogLevel", "Logger"],
  "transport": ["RawResponse", "TransportOptions"],
  "uploads": ["toFile", "Uploadable"],
} as const;

/** What the Node entry adds to `index.ts`, from `runtime/node-files.ts`. */
export const NODE_EXPORTS = ["fileFromPath", "SavedImage", "SaveOptions", "SaveOutcome"] as const;

/** Runtime names the generated files import without exporting them. */
const INTERNAL_IMPORTS = ["downloadLinks", "findLinks", "LinkField", "saveLinks"];

/** What the generated download helpers are called (`functions.ts`, `node.ts`), for specs whose results link to images. */
const DOWNLOAD_NAMES = ["ImageResult", "imageLinks", "downloadImages", "saveImages"];

/**
 * Names the generated files define besides schemas and operations: the runtime's exports, the
 * Node entry's, the error body map and the client classes. Neither schemas nor operations take them.
 */
export function reservedTypeNames(clientName: string): string[] {
  return [...RUNTIME_NAMES, clientName, `${clientName}Core`, `${clientName}Options`];
}

/** What the generated runtime and entries export under fixed names. */
export const RUNTIME_NAMES: readonly string[] = [
  ...Object.values(RUNTIME_EXPORTS).flat(),
  ...NODE_EXPORTS,
  ...INTERNAL_IMPORTS,
  ...DOWNLOAD_NAMES,
  "ErrorBodies",
];

const TEMPLATES = path.join(PACKAGE_ROOT, "templates");

const SHARED_RUNTIME = ["api-promise", "bodies", "client-core", "download", "errors", "log", "multipart", "node-files", "payload", "query", "redirects", "retry", "uploads"];

/** The runtime files every variant shares, as `runtime/<file>` → source text (the transport is the variant's). */
export function sharedRuntimeFiles(modules: ModuleFiles): Map<string, string> {
  return new Map(SHARED_RUNTIME.map((stem) => [modules.file(`runtime/${stem}`), runtimeTemplate(modules, "runtime", stem)]));
}

/** A runtime module's template (`templates/<folder>/<stem>.ts`), its imports ended as `modules` asks. */
export function runtimeTemplate(modules: ModuleFiles, folder: string, stem: string): string {
  return modules.rewrite(readTemplate(folder, `${stem}.ts`));
}

export function readTemplate(...segments: string[]): string {
  return readFileSync(path.join(TEMPLATES, ...segments), "utf8");
}
