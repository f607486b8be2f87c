"use strict";
// jest's globalSetup: the Ideogram clients as `emit: "js"` writes them, for the behaviour suite to
// run against the compiled JavaScript as well as against the TypeScript sources.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
/** Where the JavaScript clients are written: `<dir>/fetch/node.js`, `<dir>/axios/node.js`. */
const JS_CLIENTS = path.join(ROOT, ".tmp", "js-clients");

module.exports = function generateJsClients() {
  const cli = path.join(ROOT, "bin", "ideogram-codegen.js");
  const args = [cli, "generate", "--quiet", "--emit", "js", "--import-extension", ".js", "--out", JS_CLIENTS];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`generating the JavaScript clients failed:\n${run.stdout}\n${run.stderr}`);
};
module.exports.JS_CLIENTS = JS_CLIENTS;
