"use strict";
// One cold generation in this process, as a user's CI runs it; prints {ms, maxRssKb} as JSON on stderr's last line.
const started = performance.now();
const { main } = require("../dist/cli/main.js");
main(["node", "ideogram-codegen", ...process.argv.slice(2)]).then((code) => {
  const ms = performance.now() - started;
  process.stderr.write(`\n${JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  process.exitCode = code;
});
