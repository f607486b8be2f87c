import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { bundleForBrowser, scenarioEntry } from "./bundle";
import type { Row } from "./rows";
import type { Report } from "./scenario";

/**
 * The browser rows of the runtime matrix: the scenario, bundled for the browser with esbuild, runs
 * in headless Chromium on a page served from its own origin, so every request to the scenario
 * server is a real cross-origin one (CORS preflights included).
 */

const HERE = __dirname;

/**
 * The part of playwright-core's API used here, typed locally: the package is installed into
 * test/runtimes/node_modules by the matrix itself, after the test suite's own type check.
 */
interface Launcher {
  launch(options: { executablePath: string; args: string[]; timeout: number }): Promise<Browser>;
}
interface Browser {
  version(): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Page {
  on(event: "console", listener: (message: { type(): string; text(): string }) => void): void;
  on(event: "pageerror", listener: (error: Error) => void): void;
  goto(url: string, options: { timeout: number }): Promise<unknown>;
  waitForFunction(test: () => boolean, arg: undefined, options: { timeout: number }): Promise<unknown>;
  evaluate<T, A>(run: (arg: A) => Promise<T>, arg: A): Promise<T>;
}
const CHROMIUM = "/usr/bin/chromium";

/**
 * Chromium's flags: headless without a sandbox (CI runs as root) and without the background
 * traffic (updates, sync, field trials) that would try to reach Google on a closed network.
 * Playwright adds a fresh, empty profile directory of its own.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Containers often give /dev/shm 64 MB, too little for Chromium's shared memory.
  "--disable-dev-shm-usage",
];

/**
 * The page holds no code of its own: the module script defines `runScenario` for Playwright to
 * call. The empty icon spares a /favicon.ico request, whose 404 would only add noise to the console.
 */
const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>ideogram-codegen runtime matrix</title>
<link rel="icon" href="data:,">
<script type="module" src="/scenario.js"></script>
`;

/** The first attempt's outcome: every browser row reports the same one, and apt runs at most once. */
let chromium: { path: string } | { failure: Error } | undefined;

/**
 * Chromium's path, installed with apt when it is missing (Playwright's own browser download is not
 * used: the Debian package comes from the same mirrors as the rest of the system). Throws rather
 * than skipping, so a matrix without its browser rows never passes unnoticed; only the browser
 * rows call it, so the other rows run whether or not Chromium can be had.
 */
export function ensureChromium(): string {
  if (!chromium) {
    try {
      chromium = { path: installChromium() };
    } catch (error) {
      chromium = { failure: error as Error };
    }
  }
  if ("failure" in chromium) throw chromium.failure;
  return chromium.path;
}

function installChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const command = "apt-get install -y --no-install-recommends chromium";
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing: install it as root with \`apt-get update && ${command}\`, then run the tests again`,
    );
  }
  process.stdout.write(`runtimes: installing Chromium with ${command}\n`);
  const apt = (...args: string[]) =>
    spawnSync("apt-get", args, { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const install = () => apt("install", "-y", "--no-install-recommends", "chromium");
  let run = install();
  // The package lists may be missing or stale (a fresh container): refresh them once and retry.
  if (run.status !== 0) {
    const update = apt("update");
    if (update.status !== 0) run = update;
    else run = install();
  }
  if (run.error) throw new Error(`could not run apt-get: ${run.error.message}`);
  if (run.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`installing Chromium failed (${command}):\n${run.stdout}\n${run.stderr}`);
  }
  return CHROMIUM;
}

/** Serves the page and its script on 127.0.0.1: a port of its own, so an origin of its own. */
async function servePage(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const [type, body] =
      req.url === "/"
        ? ["text/html; charset=utf-8", PAGE]
        : req.url === "/scenario.js"
          ? ["text/javascript", script]
          : [];
    res.writeHead(body === undefined ? 404 : 200, {
      "content-type": type ?? "text/plain",
      "cache-control": "no-store",
    });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A row that runs the scenario against `variant` in headless Chromium. */
export function browserRow(variant: Row["variant"]): Row {
  const row: Row = {
    name: `Chromium (headless), ${variant}`,
    variant,
    browser: true,
    // A page may not replace the browser's own User-Agent: the client sends none of its own there.
    userAgent: /^Mozilla\/5\.0 .*HeadlessChrome\/\d/,
    run: async (scenarioServer) => {
      const { chromium } = require(path.join(HERE, "node_modules", "playwright-core")) as { chromium: Launcher };
      const executablePath = ensureChromium();
      const script = await bundleForBrowser(
        scenarioEntry(variant, "globalThis.runScenario = (server) => runScenario(sdk, server);"),
        `browser-${variant}.ts`,
      );
      const page = await servePage(script);
      const messages: string[] = [];
      let browser: Browser | undefined;
      try {
        browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
        // Known once launched: the table at the end of the run shows the version.
        row.name = `Chromium ${browser.version()}, ${variant}`;
        const tab = await browser.newPage();
        tab.on("console", (message) => message.type() === "error" && messages.push(`console.error: ${message.text()}`));
        tab.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
        await tab.goto(page.url, { timeout: 30_000 });
        await tab.waitForFunction(() => "runScenario" in globalThis, undefined, { timeout: 30_000 });
        const report = await withDeadline(
          tab.evaluate(
            (url) => (globalThis as unknown as { runScenario(url: string): Promise<Report> }).runScenario(url),
            scenarioServer,
          ),
          60_000,
        );
        return explained(report, messages);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${row.name}: ${reason}${messages.length ? `\npage said:\n${messages.join("\n")}` : ""}`);
      } finally {
        await browser?.close();
        page.server.closeAllConnections();
        await new Promise<void>((resolve) => page.server.close(() => resolve()));
      }
    },
  };
  return row;
}

/** Rejects when the page's scenario outlives `ms`: page.evaluate itself waits forever. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the scenario did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * A failed fetch in a page only says "Failed to fetch"; the reason (a CORS refusal, say) is in the
 * console. The first failed check carries the page's distinct errors, so a failing row explains itself.
 */
function explained(report: Report, messages: string[]): Report {
  const failed = Object.entries(report.checks).find(([, check]) => check !== "ok");
  if (!failed || messages.length === 0) return report;
  const said = [...new Set(messages)].join(" | ");
  return { ...report, checks: { ...report.checks, [failed[0]]: `${failed[1]} (page said: ${said})` } };
}
