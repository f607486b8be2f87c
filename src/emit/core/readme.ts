import type { ApiModel, AuthScheme, Operation } from "../../ir/types";
import { splitWords } from "../../ir/naming";
import { credentialEnv, featuredScheme } from "./credentials";
import { stringLiteral } from "../escape";
import { textColumns, type Doc } from "../print/doc";
import { defaultServer, type ClientSettings } from "./client-file";
import {
  callPath,
  callStatement,
  functionCallStatement,
  clientConstruction,
  codeBlock,
  importFrom,
  readmeSnippets,
  tryCatch,
  type CodeBlock,
  type OperationExample,
} from "./readme-snippets";
import { codeSpan, renderTemplate } from "./templates";
import { moduleFacts } from "./readme-modules";

/** The few sentences in which one variant's README differs from another's. */
export interface ReadmeFacts {
  /** What the client runs on. */
  transport: string;
  /** How `withResponse()` names the transport's own response object. */
  rawResponse: string;
  /** An install line for the runtime dependency, when there is one. */
  install?: string;
  peerRange?: string;
  /** A note on the client option that is the variant's own. */
  clientOption: string;
  /** Where the variant is tested, for the Runtimes section. */
  testedOn: string;
}

/**
 * The generated folder's README: install, authentication, every operation with an example call,
 * uploads, downloads, errors, timeouts and regeneration. Its `ts` blocks compile against the
 * client (a test holds them to it): the blocks under "Operations" continue the one under "Use",
 * every other block is a module of its own. `needsFormatter` is set when prettier may write the
 * markdown differently: characters it measures otherwise, escaped spec text, code laid out by rules
 * we do not model.
 */
export function renderReadme(variant: string, model: ApiModel, settings: ClientSettings, facts: ReadmeFacts): { text: string; needsFormatter: boolean } {
  const snippets = readmeSnippets(model);
  const blocks: CodeBlock[] = [];
  const block = (statements: readonly Doc[]): string => {
    const printed = codeBlock(statements);
    blocks.push(printed);
    return printed.text;
  };
  const prose = markdownProse();
  const from: From = (entry, ...names) => importFrom(variant, settings.modules, entry, [settings.clientName, ...names]);
  // Without a server in the spec or the configuration, every construction names one.
  const server: Record<string, string> = defaultServer(model, settings) ? {} : { baseUrl: stringLiteral(baseUrlOf(model, settings)) };
  const construct: Construct = (options = {}) => clientConstruction(settings, { ...server, ...options });
  const scheme = featuredScheme(model);
  const featured = snippets.featured;
  const examples = new Map(snippets.examples.map((e) => [e.operation, e]));
  const anyFile = snippets.examples.some((e) => e.usesFile);
  const apiName = (settings.apiName ?? model.title).replace(/\s+/g, " ").trim();

  const text = renderTemplate("client-readme.md.hbs", {
    variant,
    modules: moduleFacts(variant, settings),
    clientName: settings.clientName,
    // A name with characters markdown reads as syntax is shown as code, as it is, rather than escaped.
    apiName: MARKDOWN_SYNTAX.test(apiName) ? codeSpan(apiName) : apiName,
    install: undefined,
    peerRange: undefined,
    ...facts,
    auth: authText(model),
    authOption: scheme?.options.map(codeSpan).join(" and "),
    authEnv: scheme?.options.length === 1 ? credentialEnv(scheme.options[0]!, settings) : undefined,
    authBlock:
      scheme &&
      block([
        from("index"),
        "",
        construct({
          ...Object.fromEntries(scheme.options.map((option) => [option, stringLiteral(`your-${splitWords(option).join("-").toLowerCase()}`)])),
          baseUrl: stringLiteral(baseUrlOf(model, settings)),
        }),
      ]),
    setupUsesNode: anyFile,
    setupBlock: block([anyFile ? from("node", "fileFromPath") : from("index"), "", construct()]),
    // Untagged operations are methods of the client itself, listed after the resources.
    groups: [...model.resources.map((r) => r.property), undefined].flatMap((property) => {
      const operations = model.operations.filter((op) => op.resource === property);
      if (operations.length === 0) return [];
      return [
        {
          heading: property === undefined ? "client" : `client.${property}`,
          table: markdownTable(
            ["method", "route"],
            operations.map((op) => [`\`${op.memberName}()\`${op.deprecation ? " (deprecated)" : ""}`, route(op)]),
          ),
          operations: operations.map((operation) => {
            const example = examples.get(operation);
            return {
              call: `${callPath(operation.resource, operation.memberName)}()`,
              route: route(operation),
              summary: operation.summary && prose(operation.summary),
              deprecation: operation.deprecation && deprecationText(operation, prose),
              example: example && block([callStatement(example)]),
            };
          }),
        },
      ];
    }),
    uploadBlock: anyFile && block(uploadStatements(variant, settings)),
    savesImages: model.imageLinks !== undefined,
    downloadBlock: featured && snippets.featuredReturnsImages && block(downloadStatements(from, construct, featured)),
    errorTable: markdownTable(["status", "class"], ERROR_CLASSES.map(([status, name]) => [status, `\`${name}\``])),
    typedErrors: model.errorBodies
      .filter((e) => e.schema.kind !== "unknown" && (e.status >= 500 || ERROR_CLASSES.some(([status]) => status === String(e.status))))
      .map((e) => String(e.status))
      .join(", "),
    errorBlock: featured && block(errorStatements(from, construct, featured)),
    responseBlock: featured && block(responseStatements(from, construct, featured)),
    optionsOnlyBlock:
      snippets.optionsOnly && block([from("index"), "", construct(), callStatement(snippets.optionsOnly, { options: { timeout: "60_000" } })]),
    functionsBlock:
      featured &&
      block([
        importFrom(variant, settings.modules, "index", [`${settings.clientName}Core`, featured.operation.name]),
        "",
        clientConstruction({ ...settings, clientName: `${settings.clientName}Core` }, server, "core"),
        functionCallStatement(featured, "core"),
      ]),
    coreName: `${settings.clientName}Core`,
    logEnv: settings.logEnv,
    timeoutBlock: featured && block(timeoutStatements(from, construct, featured)),
  });
  const needsFormatter =
    blocks.some((b) => b.unsure) ||
    prose.escaped() ||
    // prettier escapes pipes in table cells; a backtick or backslash in a path changes its code span.
    [apiName, ...model.operations.map((op) => op.path), ...model.auth.map((s) => (s.kind === "apiKey" ? s.name : ""))].some((t) => /[|`\\]/.test(t));
  return { text, needsFormatter };
}

/** Characters markdown may read as syntax in a paragraph. */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>|~&#!]/;
const MARKDOWN_SYNTAX_ALL = new RegExp(MARKDOWN_SYNTAX, "g");

/** The error classes by status, as `createApiError` (templates/runtime/errors.ts) picks them; a unit test holds the two together. */
export const ERROR_CLASSES: readonly (readonly [status: string, errorClass: string])[] = [
  ["400", "BadRequestError"],
  ["401", "AuthenticationError"],
  ["402", "PaymentRequiredError"],
  ["403", "PermissionDeniedError"],
  ["404", "NotFoundError"],
  ["409", "ConflictError"],
  ["422", "UnprocessableEntityError"],
  ["429", "RateLimitError"],
  ["5xx", "InternalServerError"],
  ["2xx, body not JSON", "UnexpectedResponseError"],
];

/** `POST` `/path`; a pipe is escaped, as a table cell needs even inside code. */
function route(operation: Operation): string {
  return `${codeSpan(operation.method)} ${codeSpan(operation.path).replace(/\|/g, "\\|")}`;
}

/** The credentials the API takes, as alternatives: `an API key in the \`Api-Key\` header or a bearer token (\`bearerToken\`)`. */
function authText(model: ApiModel): string | undefined {
  const one = (scheme: AuthScheme) => {
    const what =
      scheme.kind === "bearer" ? "a bearer token in the `Authorization` header"
      : scheme.kind === "basic" ? "a username and password (HTTP Basic)"
      : `an API key in the ${codeSpan(scheme.name)} ${scheme.in === "query" ? "query parameter" : scheme.in === "cookie" ? "cookie" : "header"}`;
    return model.auth.length > 1 ? `${what} (${scheme.options.map(codeSpan).join(", ")})` : what;
  };
  return model.auth.length ? model.auth.map(one).join(" or ") : undefined;
}

function baseUrlOf(model: ApiModel, settings: ClientSettings): string {
  return defaultServer(model, settings)?.url ?? "https://api.example.com";
}

function deprecationText(operation: Operation, prose: (text: string) => string): string {
  const { reason, replacement } = operation.deprecation!;
  const use = replacement && `Use \`${callPath(replacement.resource, replacement.method)}()\` instead.`;
  return [reason && prose(reason), use].filter(Boolean).join(" ") || "It may be removed from the API.";
}

function uploadStatements(variant: string, settings: ClientSettings): Doc[] {
  return [
    importFrom(variant, settings.modules, "node", ["fileFromPath", "toFile"]),
    "",
    "// A file on disk, named after it.",
    'const photo = await fileFromPath("photo.jpg");',
    "// Bytes from anywhere, with the name and content type the part should carry.",
    'const drawing = await toFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "drawing.png", { type: "image/png" });',
  ];
}

/** An import of the client and `names` from one of the folder's entries. */
type From = (entry: "index" | "node", ...names: string[]) => Doc;

/** `const client = new Client({ … })` with these options (key → source text), and `baseUrl` where the client needs one. */
type Construct = (options?: Record<string, string>) => Doc;

function downloadStatements(from: From, construct: Construct, featured: OperationExample): Doc[] {
  return [
    from("node", "saveImages"),
    "",
    construct(),
    callStatement(featured),
    "",
    "// Anywhere: each image's bytes and content type, to store where you like.",
    "for (const image of await client.downloadImages(result)) {",
    '  if (image.status === "downloaded") console.log(image.field, image.contentType, image.bytes.length);',
    '  else if (image.status === "failed") console.error(image.field, image.error.message);',
    "}",
    "// Node: writes each image to a new file in images/ as it arrives, never replacing one.",
    'const saved = await saveImages(client, result, "images");',
  ];
}

function errorStatements(from: From, construct: Construct, featured: OperationExample): Doc[] {
  return [
    from("index", "ApiConnectionError", "ApiError", "RateLimitError", "UnprocessableEntityError"),
    "",
    construct({ maxRetries: "4" }),
    tryCatch(callStatement(featured, { keep: false }), [
      ["UnprocessableEntityError", 'console.error("rejected:", error.body);'],
      ["RateLimitError", 'console.error("still limited; retry after", error.headers.get("retry-after"));'],
      ["ApiError", "console.error(error.status, error.rawBody);"],
      ["ApiConnectionError", 'console.error("no response:", error.message);'],
    ]),
  ];
}

function responseStatements(from: From, construct: Construct, featured: OperationExample): Doc[] {
  return [
    from("index"),
    "",
    construct(),
    callStatement(featured, { assign: "const call = " }),
    "const { data, status, headers } = await call.withResponse();",
    'console.log(status, headers.get("x-request-id"), data);',
  ];
}

function timeoutStatements(from: From, construct: Construct, featured: OperationExample): Doc[] {
  return [
    from("index", "ApiAbortError", "ApiTimeoutError"),
    "",
    construct({ timeout: "60_000" }),
    "const controller = new AbortController();",
    "// controller.abort() cancels the call, for example when the user leaves the page.",
    tryCatch(callStatement(featured, { keep: false, options: { signal: "controller.signal", timeout: "120_000" } }), [
      ["ApiTimeoutError", 'console.error("timed out");'],
      ["ApiAbortError", 'console.error("cancelled");'],
    ]),
  ];
}

/**
 * Spec text for a markdown paragraph: one line, with every character markdown could read as syntax
 * escaped. Remembers whether it escaped anything (prettier may write an escape differently).
 */
function markdownProse(): ((text: string) => string) & { escaped: () => boolean } {
  let escaped = false;
  const prose = (text: string) => {
    const line = text.replace(/\s+/g, " ").trim();
    const safe = line.replace(MARKDOWN_SYNTAX_ALL, "\\$&");
    if (safe !== line) escaped = true;
    return safe;
  };
  return Object.assign(prose, { escaped: () => escaped });
}

/** A markdown table with its columns padded to one width, as prettier aligns them. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Padded to the columns prettier counts (a wide character takes two).
  const widths = header.map((h, i) => Math.max(3, textColumns(h), ...rows.map((r) => textColumns(r[i]!))));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - textColumns(c))).join(" | ")} |`;
  return [row(header), row(widths.map((w) => "-".repeat(w))), ...rows.map(row)].join("\n");
}
