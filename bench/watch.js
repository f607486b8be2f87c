"use strict";
// `generate --watch`: a warm process regenerating both Ideogram clients after each spec edit. Reports
// the regeneration time the CLI prints (start of the run to files written) and the latency from
// the edit to that line (which adds the file-watch event and the debounce).
const { spawn } = require("node:child_process");
const { copyFileSync, mkdirSync, readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { RUNS, stats, spread } = require("./lib/measure.js");

const ROOT = path.resolve(__dirname, "..");
const EDITS = Math.max(10, RUNS * 2);

async function measureWatch({ work }) {
  const dir = path.join(work, "watch");
  mkdirSync(dir, { recursive: true });
  const spec = path.join(dir, "ideogram-openapi.yml");
  copyFileSync(path.join(ROOT, "specs", "ideogram-openapi.yml"), spec);
  writeFileSync(path.join(dir, "ideogram-codegen.config.json"), readFileSync(path.join(ROOT, "specs", "ideogram.config.json")));
  const original = readFileSync(spec, "utf8");

  const child = spawn(process.execPath, [path.join(ROOT, "bin", "ideogram-codegen.js"), "generate", "--watch"], { cwd: dir });
  const lines = [];
  let waiting;
  let buffered = "";
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    const parts = buffered.split("\n");
    buffered = parts.pop();
    for (const line of parts) {
      lines.push(line);
      waiting?.(line);
    }
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const nextLine = (match) =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`watch: no "${match}" line within 10 s; stderr: ${stderr}`)), 10_000);
      waiting = (line) => {
        if (!line.includes(match)) return;
        clearTimeout(timeout);
        waiting = undefined;
        resolve(line);
      };
    });
  try {
    await nextLine("watching");
    const regeneration = [];
    const latency = [];
    for (let i = 0; i < EDITS; i++) {
      const summary = nextLine("generated ");
      const edited = performance.now();
      writeFileSync(spec, `${original}\n# edit ${i}\n`);
      const line = await summary;
      latency.push(performance.now() - edited);
      regeneration.push(Number(/in (\d+) ms/.exec(line)[1]));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = { regeneration: stats(regeneration.slice(1)), latency: stats(latency.slice(1)) };
    process.stdout.write(`\n## generate --watch, Ideogram (fetch + axios), ${EDITS - 1} edits after a first one\n`);
    process.stdout.write(`${"regeneration (run start → files written)".padEnd(44)} ${spread(result.regeneration, "ms")}\n`);
    process.stdout.write(`${"edit → summary line (watch event + debounce)".padEnd(44)} ${spread(result.latency, "ms")}\n`);
    return result;
  } finally {
    child.kill("SIGTERM");
  }
}

module.exports = { measureWatch };
