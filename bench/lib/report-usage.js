"use strict";
// Preloaded with `node --require` into a measured process (ours or a peer's): on exit it writes the
// process's peak RSS to the file named by BENCH_REPORT, so every tool is measured the same way.
const { writeFileSync } = require("node:fs");

process.on("exit", (code) => {
  writeFileSync(process.env.BENCH_REPORT, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
});
