/**
 * `npm run build`, after tsc has compiled src/ into dist/: the validators and templates a run loads
 * ready-made, and the CLI bundled into one file (see cli/start.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { compileTemplates } from "./emit/core/compile-templates";
import { compileValidators } from "./load/compile-validators";
import { CLI_BUNDLE, CLI_BUNDLE_HASH } from "./cli/start";

compileValidators();
compileTemplates();
bundleCli().catch((error: unknown) => {
  process.exitCode = 1;
  console.error(error);
});

/**
 * dist/cli/main.js and what it imports, our modules and their dependencies, as one CommonJS file.
 * prettier and ts-morph stay outside (large, and loaded only by the runs that need them), and so
 * does native-import.js, which runs the `import()`s the bundle makes.
 */
async function bundleCli(): Promise<void> {
  const esbuild = require("esbuild") as typeof import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(__dirname, "cli", "main.js")],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["prettier", "ts-morph"],
    plugins: [
      {
        name: "native-import",
        setup(build) {
          // Required from dist/bundle/cli.js, so by its path from there.
          build.onResolve({ filter: /\/native-import$/ }, () => ({ path: "../native-import.js", external: true }));
        },
      },
    ],
    legalComments: "eof",
    logLevel: "warning",
  });
  const bundled = readFileSync(CLI_BUNDLE, "utf8");
  if (/[^\w$.]import\(/.test(bundled)) throw new Error(`${CLI_BUNDLE}: an import() is left in the bundle; call nativeImport instead`);
  writeFileSync(CLI_BUNDLE_HASH, createHash("sha256").update(bundled).digest("hex"));
}
