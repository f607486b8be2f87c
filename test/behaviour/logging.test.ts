import { API_KEY, clientFor, rejectionOf } from "../support/client";
import { PNG } from "../support/images";
import { CLIENTS } from "../support/variants";
import { json, WireServer } from "../support/wire-server";

type Level = "error" | "warn" | "info" | "debug";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A console-compatible logger that keeps every line with its level. */
function recorder() {
  const lines: [Level, string][] = [];
  const at = (level: Level) => (message: string) => void lines.push([level, message]);
  return { lines, logger: { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") } };
}

const RESULT = { created: "2026-01-02T03:04:05Z", data: [] };
/** Replies that echo the key back, in a header and in the body, as a careless server or proxy might. */
const ECHO = { "x-echo": API_KEY, "x-request-id": "req_42" };

describe.each(CLIENTS)("$label client: the debug log", ({ sdk }) => {
  const server = new WireServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  /** One call retried after a 429 then answered, and one refused with a 401: every line the client logs at `level`. */
  async function logged(level: Level | undefined, options: Record<string, unknown> = {}): Promise<[Level, string][]> {
    const { lines, logger } = recorder();
    const client = clientFor(sdk, server, { logger, ...(level ? { logLevel: level } : {}), ...options });
    server.reply(
      json(429, { error: `slow down, ${API_KEY}` }, { ...ECHO, "retry-after": "0" }),
      json(200, RESULT, ECHO),
      json(401, { detail: `bad key ${API_KEY}` }, ECHO),
    );
    await client.generate.generateImageV3({ prompt: `a lighthouse ${API_KEY}`, style_reference_images: [PNG] });
    await rejectionOf(client.generate.generateImageV3({ prompt: "a lighthouse" }));
    return lines;
  }

  test("the key appears in no log line at any level", async () => {
    for (const level of ["error", "warn", "info", "debug"] as const) {
      const lines = await logged(level);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter(([, line]) => line.includes(API_KEY))).toEqual([]);
    }
  });

  test("each level adds its own lines: the failure, the retry, every attempt, then headers and bodies", async () => {
    const errors = await logged("error");
    const warnings = await logged("warn");
    const infos = await logged("info");
    const debugs = await logged("debug");
    const path = "POST /v1/ideogram-v3/generate";
    const url = `POST ${server.url}/v1/ideogram-v3/generate`;
    expect(errors).toEqual([["error", expect.stringMatching(/^\[Ideogram\] POST \/v1\/ideogram-v3\/generate failed: 401 POST \/v1\/ideogram-v3\/generate/)]]);
    expect(warnings).toEqual([
      ["warn", `[Ideogram] ${path}: retry 1 of 2 in 0 ms after status 429, Retry-After 0`],
      ...errors,
    ]);
    expect(infos.map(([level, line]) => [level, level === "info" ? line.replace(/ in \d+ ms/, " in N ms") : line])).toEqual([
      ["info", `[Ideogram] ${url} → 429 in N ms (request id req_42)`],
      warnings[0],
      ["info", `[Ideogram] ${url} → 200 in N ms (request id req_42)`],
      ["info", `[Ideogram] ${url} → 401 in N ms (request id req_42)`],
      ...errors,
    ]);
    const debugOnly = debugs.filter(([level]) => level === "debug").map(([, line]) => line);
    // Each attempt with its headers and what its body holds, then each response's body: 429, 200, then the third attempt and its 401.
    expect(debugOnly).toHaveLength(6);
    const upload = `prompt "a lighthouse [redacted]", style_reference_images file "style_reference_images.png" (image/png, ${PNG.byteLength} bytes)`;
    for (const [index, attempt] of [[0, 1], [2, 2]] as const) {
      const line = `[Ideogram] ${url} attempt ${attempt}: headers `;
      expect(debugOnly[index]!.startsWith(line)).toBe(true);
      expect(JSON.parse(debugOnly[index]!.slice(line.length).replace(/, body .*$/, ""))).toMatchObject({ "api-key": "[redacted]" });
      expect(debugOnly[index]).toMatch(new RegExp(`, body \\d+ bytes of multipart/form-data; boundary=-+codegen[0-9a-f]+: ${escapeRegExp(upload)}$`));
    }
    expect(debugOnly[1]).toBe(`[Ideogram] ${url} → 429: body ${JSON.stringify(JSON.stringify({ error: "slow down, [redacted]" }))}`);
    expect(debugOnly[3]).toBe(`[Ideogram] ${url} → 200: body ${JSON.stringify(JSON.stringify(RESULT))}`);
    expect(debugOnly[4]).toMatch(/attempt 1: .*, body \d+ bytes of multipart\/form-data; boundary=-+codegen[0-9a-f]+: prompt "a lighthouse"$/);
    expect(debugOnly[5]).toBe(`[Ideogram] ${url} → 401: body ${JSON.stringify(JSON.stringify({ detail: "bad key [redacted]" }))}`);
  });

  test("a secret is redacted before a debug line cuts or escapes a body: no piece of it survives at the cut", async () => {
    const { lines, logger } = recorder();
    const client = clientFor(sdk, server, { logger, logLevel: "debug" });
    server.reply(json(200, { dataset_id: "ds-1", name: `${"y".repeat(1_965)}${API_KEY}` }), json(200, RESULT));
    // The JSON body and the reply cross the 2,000-character cut 6 characters into the key; the prompt crosses a part's 200 after 5.
    await client.datasets.createDataset({ name: `${"x".repeat(1_985)}${API_KEY}` });
    await client.generate.generateImageV3({ prompt: `${"z".repeat(195)}${API_KEY}` });
    const debug = lines.filter(([level]) => level === "debug").map(([, line]) => line);
    expect(debug).toHaveLength(4);
    expect(debug.filter((line) => line.includes(API_KEY.slice(0, 4)))).toEqual([]);
    expect(debug[0]).toContain(`body ${JSON.stringify(JSON.stringify({ name: `${"x".repeat(1_985)}[redacted]` }).slice(0, 2_000) + "…")}`);
    expect(debug[2]).toMatch(new RegExp(`: prompt "${"z".repeat(195)}\\[reda…"$`));
  });

  test("a logger that throws loses its line, never the call's result; asResponse() leaves the body unread and unlogged", async () => {
    const { lines, logger } = recorder();
    const throwing = { ...logger, info: () => { throw new Error("log sink down"); } };
    server.reply(json(200, RESULT));
    const client = clientFor(sdk, server, { logger: throwing, logLevel: "debug" });
    expect(await client.generate.generateImageV3({ prompt: "a lighthouse" })).toEqual(RESULT);
    const response = await client.generate.generateImageV3({ prompt: "a lighthouse" }).asResponse();
    expect(response.status).toBe(200);
    const bodies = lines.filter(([, line]) => / → 200: body /.test(line));
    expect(bodies).toHaveLength(1);
  });

  test("the client's environment variable sets the level; a value that is no level says so once, and nothing else is logged", async () => {
    try {
      process.env["IDEOGRAM_LOG"] = "WARN";
      expect((await logged(undefined)).map(([level]) => level)).toEqual(["warn", "error"]);
      process.env["IDEOGRAM_LOG"] = "verbose";
      expect(await logged(undefined)).toEqual([
        ["warn", '[Ideogram] IDEOGRAM_LOG="verbose" is not a log level (off, error, warn, info, debug); logging stays off'],
      ]);
      // The option wins over the variable.
      expect(await logged("error")).toHaveLength(1);
    } finally {
      delete process.env["IDEOGRAM_LOG"];
    }
    expect(await logged(undefined)).toEqual([]);
  });

  test("a logLevel that is no level is refused at construction", () => {
    expect(() => clientFor(sdk, server, { logLevel: "loud" as never })).toThrow("logLevel must be off, error, warn, info or debug, not loud");
  });
});
