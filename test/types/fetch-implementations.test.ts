import * as path from "node:path";
import { tsc } from "../support/typescript";

/**
 * The fetch client's `fetch` option takes any runtime's fetch: Node's global one, undici's (7 and 8),
 * node-fetch, Bun's (which carries `preconnect`), a browser's, and test doubles typed by the option
 * alone; a function that resolves to no response, or wants a URL object, is refused. The type
 * packages are pinned in fetch-impls/package.json, installed on first use.
 */
const FOLDER = path.join(__dirname, "fetch-impls");
const SETUPS = {
  "Node (@types/node, no DOM)": "tsconfig.json",
  "a browser (DOM, no Node types)": "tsconfig.dom.json",
  "Node's types beside the DOM library": "tsconfig.node-dom.json",
  "Bun (@types/bun)": "tsconfig.bun.json",
};
const COMPILERS = { "TypeScript 5.9": "typescript", "TypeScript 6": "typescript6", "TypeScript 7": "typescript7" };

beforeAll(() => {
  const { ensureInstalled } = require("../support/npm-prefix.js") as { ensureInstalled(folder: string, label: string): void };
  ensureInstalled(FOLDER, "fetch implementations");
}, 240_000);

describe.each(Object.entries(SETUPS))("in %s", (_setup, project) => {
  test.each(Object.entries(COMPILERS))("its fetches fit the option and the misuse lines fail, under %s", (_compiler, packageName) => {
    const { status, output } = tsc(path.join(FOLDER, project), packageName);
    expect(output).toBe("");
    expect(status).toBe(0);
  });
});
