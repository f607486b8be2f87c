import { spawn } from "node:child_process";
import * as path from "node:path";
import { JS_CLIENTS } from "../support/js-clients.js";
import { TempDir } from "../support/uploads";
import { WireServer, json } from "../support/wire-server";

const PAYLOAD = 20 * 1024 * 1024;

/**
 * Uploads a 20 MiB image through one generated client in a Node process of its own (the jest
 * process's heap would blur the figure) and prints how far memory grew past what it was with the
 * payload already in memory, sampled every millisecond: the resident set, and the memory held in
 * ArrayBuffers (where every copy of the upload's bytes lands). The test holds the second to the
 * bound: the resident set also moves with V8's heap sizing, by ±20 MiB from run to run.
 */
const SCRIPT = `
const [clientPath, baseUrl, input, file] = process.argv.slice(2);
const { Ideogram, fileFromPath } = await import(clientPath);
const bytes = new Uint8Array(${PAYLOAD});
bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
for (let i = 8; i < bytes.length; i += 4096) bytes[i] = i & 0xff;
if (input === "file") (await import("node:fs")).writeFileSync(file, bytes);
const image = input === "file" ? await fileFromPath(file) : input === "blob" ? new Blob([bytes], { type: "image/png" }) : bytes;
const client = new Ideogram({ apiKey: "sk-test", baseUrl });
// A first, 1 MiB upload grows V8's heap to what any upload needs, whatever its size: the figure is an upload's own cost.
await client.generate.removeBackground({ image: bytes.slice(0, 1024 * 1024) });
globalThis.gc();
await new Promise((resolve) => setTimeout(resolve, 50));
globalThis.gc();
const start = process.memoryUsage();
const peak = { rss: start.rss, buffers: start.arrayBuffers };
const sample = () => {
  const now = process.memoryUsage();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.buffers = Math.max(peak.buffers, now.arrayBuffers);
};
const sampler = setInterval(sample, 1);
await client.generate.removeBackground({ image });
clearInterval(sampler);
sample();
console.log(JSON.stringify({ rss: peak.rss - start.rss, buffers: peak.buffers - start.arrayBuffers }));
`;

/** Peak extra memory of one upload of the payload given as `input`, in bytes. */
function measure(
  script: string,
  variant: string,
  baseUrl: string,
  input: string,
  file: string,
): Promise<{ rss: number; buffers: number }> {
  const client = path.join(JS_CLIENTS, variant, "node.js");
  const child = spawn(process.execPath, ["--expose-gc", "--no-warnings", script, client, baseUrl, input, file]);
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk));
  return new Promise((resolve, reject) =>
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`exit ${code}: ${err}`));
      else resolve(JSON.parse(out) as { rss: number; buffers: number });
    }),
  );
}

describe.each(["fetch", "axios"])("the %s client uploading 20 MiB", (variant) => {
  let server: WireServer;
  let temp: TempDir;
  let script: string;

  beforeAll(async () => {
    server = await new WireServer().start();
    temp = await TempDir.create();
    script = await temp.file("upload-memory.mjs", SCRIPT);
  });
  afterAll(async () => {
    await server.stop();
    await temp.remove();
  });

  test.each(["bytes", "blob", "file"])(
    "given as %s (a Uint8Array, a Blob, or fileFromPath), streams it: at most 1.5 times the payload more in buffers, and all of it arrives",
    async (input) => {
      server.reply(json(200, { created: "2026-01-02T03:04:05Z", data: [] }));

      const { buffers } = await measure(script, variant, server.url, input, path.join(temp.path, "upload.png"));

      expect(server.requests).toHaveLength(2);
      expect(server.last.body.length).toBeGreaterThan(PAYLOAD);
      expect(buffers).toBeLessThanOrEqual(1.5 * PAYLOAD);
    },
  );
});
