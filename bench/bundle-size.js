"use strict";
// Bundle size of the fetch client in a browser app: one call (`client.generate.generateImageV3`)
// and, for comparison, the same call through the standalone function and an app that keeps every
// export of generated/fetch/index.ts alive. esbuild with minify and tree-shaking; reports
// minified bytes and minified+gzip (level 9) bytes.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "generated", "fetch", "index.ts");

const APPS = {
  oneCall: {
    label: "one call (generate.generateImageV3)",
    source: [
      `import { Ideogram } from ${JSON.stringify(ENTRY)};`,
      `const client = new Ideogram({ apiKey: "bench-key" });`,
      `client.generate.generateImageV3({ prompt: "a cat" }).then((result) => console.log(result));`,
    ].join("\n"),
  },
  standalone: {
    label: "one call, standalone function",
    source: [
      `import { IdeogramCore, generateImageV3 } from ${JSON.stringify(ENTRY)};`,
      `const client = new IdeogramCore({ apiKey: "bench-key" });`,
      `generateImageV3(client, { prompt: "a cat" }).then((result) => console.log(result));`,
    ].join("\n"),
  },
  everything: {
    label: "everything (import * from index.ts)",
    source: [`import * as all from ${JSON.stringify(ENTRY)};`, `console.log(all);`].join("\n"),
  },
};

/** A `node:` module (or a Node-only entry of ours) reached a browser bundle. */
function assertBrowserSafe(name, code, metafile) {
  const nodeImport = /\bfrom\s*["']node:|\bimport\s*\(\s*["']node:|\brequire\s*\(\s*["']node:|\bimport\s*["']node:/;
  const match = nodeImport.exec(code);
  if (match) throw new Error(`bundle "${name}" imports a node: module (${code.slice(match.index, match.index + 40)})`);
  for (const output of Object.values(metafile.outputs)) {
    const bad = output.imports.find((entry) => entry.path.startsWith("node:"));
    if (bad) throw new Error(`bundle "${name}" keeps an import of ${bad.path}`);
  }
  const nodeOnly = Object.keys(metafile.inputs).filter((input) => /(^|\/)(node|node-files)\.ts$/.test(input));
  if (nodeOnly.length) throw new Error(`bundle "${name}" includes Node-only files: ${nodeOnly.join(", ")}`);
}

async function bundle(name, source, work) {
  const esbuild = require("esbuild");
  const outfile = path.join(work, `bundle-${name}.js`);
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: `${name}.js`, loader: "js" },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    outfile,
    write: true,
    metafile: true,
    logLevel: "silent",
  });
  const code = readFileSync(outfile);
  assertBrowserSafe(name, code.toString("utf8"), result.metafile);
  return {
    min: code.length,
    gz: zlib.gzipSync(code, { level: 9 }).length,
    outfile,
    metafile: result.metafile,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** "client-core 7132, errors 2549, …": what each generated module adds to a bundle, largest first. */
function modulesOf(metafile) {
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file, input]) => [path.basename(file, ".ts"), input.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${bytes}`)
    .join(", ");
}

/**
 * Bundles both apps into `work` and prints a section for the bench report. Returns bytes:
 * `{ oneCall, standalone, everything }`, each `{ min, gz }`; `details` adds each bundle's file and metafile.
 */
async function measureBundleSize({ work, details = false }) {
  process.stdout.write(`\n## bundle size (esbuild, minified, browser), fetch variant\n`);
  process.stdout.write(`${"app".padEnd(40)} ${"min".padStart(10)} ${"min+gz".padStart(10)}\n`);
  const figures = {};
  let standaloneModules = "";
  for (const [name, app] of Object.entries(APPS)) {
    const measured = await bundle(name, app.source, work);
    process.stdout.write(`${app.label.padEnd(40)} ${kb(measured.min).padStart(10)} ${kb(measured.gz).padStart(10)}\n`);
    figures[name] = details ? measured : { min: measured.min, gz: measured.gz };
    if (name === "standalone") standaloneModules = modulesOf(measured.metafile);
  }
  process.stdout.write(`standalone call, minified bytes by module: ${standaloneModules}\n`);
  return figures;
}

/**
 * The same one call through hey-api's generated fetch client (its sdk function for
 * POST /v1/ideogram-v3/generate, found in its sdk.gen.ts), bundled alike. Returns `{ min, gz }`.
 */
async function measurePeerBundle({ work, heyapiOut, label }) {
  const sdk = path.join(heyapiOut, "sdk.gen.ts");
  const name = /export const (\w+) = [^;]*?url: '\/v1\/ideogram-v3\/generate'/s.exec(readFileSync(sdk, "utf8"))?.[1];
  if (!name) throw new Error(`bundle: no function for POST /v1/ideogram-v3/generate in ${sdk}`);
  const source = [
    `import { client } from ${JSON.stringify(path.join(heyapiOut, "client.gen.ts"))};`,
    `import { ${name} } from ${JSON.stringify(sdk)};`,
    `client.setConfig({ headers: { "Api-Key": "bench-key" } });`,
    `${name}({ body: { prompt: "a cat" } }).then((result) => console.log(result));`,
  ].join("\n");
  const measured = await bundle("peer-one-call", source, work);
  process.stdout.write(`${label.padEnd(40)} ${kb(measured.min).padStart(10)} ${kb(measured.gz).padStart(10)}\n`);
  return { min: measured.min, gz: measured.gz };
}

module.exports = { measureBundleSize, measurePeerBundle, APPS };
