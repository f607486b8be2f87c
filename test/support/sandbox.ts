import * as path from "node:path";
import * as vm from "node:vm";
import axios, { type AxiosAdapter } from "axios";
import * as ts from "typescript";

/**
 * Loads one generated client (`<variant>/index.ts` and what it imports) in a fresh `node:vm`
 * context, transpiled to CommonJS with the `typescript` package. The context's globals are the
 * web platform's plus sentinels: a `process` that records every access (a read of `versions`
 * answers undefined, as in a browser), a `pwned()` that spec text
 * tries to call, a global `fetch` the client must not fall back to, and a `require` that records
 * every module outside the client. Nothing in a spec may trip them.
 */
export interface Sandbox {
  /** What `index.ts` exports, as the client's users see it. */
  exports: Record<string, unknown>;
  /** Every sentinel that fired, in order: `process.exit`, `pwned(...)`, `require(child_process)`. */
  tripped: string[];
  /** Every request the client sent, through the transport options below. */
  requests: SentRequest[];
  /** Client options that route the variant's requests to a recorder answering `200 {}`. */
  transport: Record<string, unknown>;
}

export interface SentRequest {
  method: string;
  /** The URL exactly as the transport received it. */
  url: string;
  headers: Record<string, string>;
  /** The body as sent, decoded as UTF-8 ("" when there was none). */
  body: string;
}

/** Modules the generated code may import from outside itself: the axios variant's transport. */
const DEPENDENCIES: Record<string, unknown> = { axios };

export function loadClient(files: ReadonlyMap<string, string>, variant: "fetch" | "axios", entry = "index.ts"): Sandbox {
  const tripped: string[] = [];
  const requests: SentRequest[] = [];
  const trip = (what: string) => {
    tripped.push(what);
  };
  const process = new Proxy(
    {},
    {
      // Reading a member trips, and so does calling it: injected code runs on, and is seen further.
      get: (_target, key) => {
        if (typeof key !== "string") return undefined;
        // The runtime's own detection of where it runs (the User-Agent names it): answered as a
        // browser would, with nothing. Writing it still trips.
        if (key === "versions") return undefined;
        trip(`process.${key}`);
        return (...args: unknown[]) => trip(`process.${key}(${args.map(String).join(", ")})`);
      },
      set: (_target, key) => (trip(`process.${String(key)} =`), true),
      has: (_target, key) => (trip(`${String(key)} in process`), false),
    },
  );
  const globals = {
    process,
    pwned: (...args: unknown[]) => trip(`pwned(${args.map(String).join(", ")})`),
    fetch: () => {
      trip("global fetch");
      throw new Error("the client called the global fetch");
    },
    console: { log: trip, warn: trip, error: trip, info: trip, debug: trip },
    Blob,
    TextEncoder,
    TextDecoder,
    AbortController,
    AbortSignal,
    Headers,
    Response,
    URL,
    URLSearchParams,
    crypto,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    ReadableStream,
  };
  const context = vm.createContext(globals);
  const modules = new Map<string, { exports: Record<string, unknown> }>();

  const load = (file: string): Record<string, unknown> => {
    const cached = modules.get(file);
    if (cached) return cached.exports;
    const source = files.get(`${variant}/${file}`);
    if (source === undefined) throw new Error(`the client imports ${file}, which it does not contain`);
    const { outputText, diagnostics } = ts.transpileModule(source, {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    if (diagnostics?.length) throw new Error(`${file} does not transpile: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, "\n")}`);
    const module = { exports: {} as Record<string, unknown> };
    modules.set(file, module);
    const require = (specifier: string): unknown => {
      if (specifier.startsWith(".")) return load(path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, ".ts"));
      if (Object.hasOwn(DEPENDENCIES, specifier)) return DEPENDENCIES[specifier];
      trip(`require(${specifier})`);
      throw new Error(`the client required ${specifier}`);
    };
    const wrapper = new vm.Script(`(function (exports, require, module) {${outputText}\n})`, { filename: `${variant}/${file}` });
    (wrapper.runInContext(context) as (e: unknown, r: unknown, m: unknown) => void)(module.exports, require, module);
    return module.exports;
  };

  const ok = () => ({ status: 200, body: "{}", headers: { "content-type": "application/json" } });
  const recordFetch: typeof fetch = async (input, init) => {
    requests.push({
      method: String(init?.method),
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: await bodyText(init?.body),
    });
    const reply = ok();
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
  const adapter: AxiosAdapter = async (config) => {
    requests.push({
      method: String(config.method).toUpperCase(),
      url: String(config.url),
      headers: Object.fromEntries(Object.entries(config.headers.toJSON()).map(([k, v]) => [k.toLowerCase(), String(v)])),
      body: await bodyText(config.data),
    });
    const reply = ok();
    return { data: new TextEncoder().encode(reply.body).buffer, status: reply.status, statusText: "OK", headers: reply.headers, config };
  };
  const transport = variant === "fetch" ? { fetch: recordFetch } : { axios: axios.create({ adapter }) };
  return { exports: load(entry), tripped, requests, transport };
}

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Blob) return body.text();
  // The axios transport hands a multipart body over as bytes.
  if (Object.prototype.toString.call(body) === "[object ArrayBuffer]") return new TextDecoder().decode(body as ArrayBuffer);
  throw new Error(`unexpected body type ${Object.prototype.toString.call(body)}`);
}
