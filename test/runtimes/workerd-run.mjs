// Runs a bundled Worker in workerd through Miniflare, in a process of its own (Miniflare's module
// graph is Node's to load, not jest's): `node workerd-run.mjs <worker.js> <server URL>` sends the
// Worker one request naming the server and prints its answer, the scenario's report, as one line.
import { readFile } from "node:fs/promises";
import { Miniflare } from "miniflare";

const [script, server] = process.argv.slice(2);
// No nodejs_compat flag: a Node built-in in the bundle would fail to load, as in a deployed Worker.
const miniflare = new Miniflare({ modules: true, script: await readFile(script, "utf8"), compatibilityDate: "2025-09-01" });
try {
  const response = await miniflare.dispatchFetch(`http://worker.test/?server=${encodeURIComponent(server)}`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text}`);
  console.log(text);
} finally {
  await miniflare.dispose();
}
