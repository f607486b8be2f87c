#!/usr/bin/env node
"use strict";
// Node 22.1+ keeps the compiled code of the modules the bundle leaves outside (prettier, ts-morph, the
// precompiled validators) between runs, in the OS temp folder; cli/start.ts caches the bundle itself.
require("node:module").enableCompileCache?.();
let cli;
try {
  cli = require("../dist/cli/start.js").loadCli();
} catch (error) {
  if (error && (error.code === "MODULE_NOT_FOUND" || error.code === "ENOENT")) {
    process.stderr.write("ideogram-codegen is not built: run `npm run build` in its folder (a package from `npm pack` ships it built)\n");
    process.exit(2);
  }
  throw error;
}
// `ideogram-codegen inspect --json | head`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
