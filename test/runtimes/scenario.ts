/**
 * The runtime matrix's scenario, written once: every runtime runs this file against the scenario
 * server (`scenario-server.ts`), which checks the bytes it receives. Here are the checks only the
 * caller can make: what each call resolved or rejected with. Web platform APIs only, and erasable
 * TypeScript only, so Node, Deno, Bun, workerd and a browser all load it as it is.
 */
import type * as Client from "../../generated/fetch/index.ts";

/** What a generated variant's main entry exports (both variants share the surface). */
export type Sdk = typeof Client;

export const API_KEY = "rt-key-7d1c";
/** The two style images: a named PNG `File`, and JPEG bytes the client names and types itself. */
export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 4, 5, 6]);
export const PALETTE = { members: [{ color_hex: "#FF5733", color_weight: 0.6 }, { color_hex: "#33C1FF" }] };

/** The scenario's steps, in order; the server expects their requests in this order. */
export const STEPS = [
  "multipart",
  "download",
  "json",
  "query",
  "retry",
  "timeout",
  "abort",
  "typed-422",
  "no-key",
] as const;
export type Step = (typeof STEPS)[number];

export interface Report {
  /** Each step: "ok", or what went wrong on the caller's side. */
  checks: Record<Step, string>;
  /**
   * How this runtime's own FormData names a Blob part given without a filename: the quirk the
   * client's own multipart encoder exists to avoid (recorded for the matrix table, not asserted).
   */
  formDataBlobFilename: string;
}

/** Runs every step against `server` and reports what each call gave the caller. */
export async function runScenario(sdk: Sdk, server: string): Promise<Report> {
  const client = new sdk.Ideogram({ apiKey: API_KEY, baseUrl: server, maxRetries: 2 });
  const checks = {} as Record<Step, string>;
  const step = async (name: Step, run: () => Promise<void>) => {
    try {
      await run();
      checks[name] = "ok";
    } catch (error) {
      checks[name] = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  };
  const expect = (condition: boolean, what: string) => {
    if (!condition) throw new Error(what);
  };
  const rejection = async (call: PromiseLike<unknown>): Promise<unknown> => {
    try {
      await call;
    } catch (error) {
      return error;
    }
    throw new Error("the call resolved; it should have rejected");
  };

  await step("multipart", async () => {
    // What a JavaScript caller's options often hold: an optional field set to undefined. It sends no part.
    const unset = { negative_prompt: undefined } as {};
    const result = await client.generate.generateImageV3({
      prompt: "a lighthouse at dusk",
      ...unset,
      color_palette: PALETTE,
      style_codes: ["1A2B3C4D", "5E6F7A8B"],
      style_reference_images: [new File([PNG], "style.png", { type: "image/png" }), JPEG],
    });
    expect(result.data[0]?.url === `${server}/images/1.png`, `unexpected result ${JSON.stringify(result)}`);
  });

  await step("download", async () => {
    const [image] = await client.downloadImages({
      created: "2026-01-02T03:04:05Z",
      data: [{ url: `${server}/images/1.png`, prompt: "p", resolution: "1312x736", is_image_safe: true, seed: 1 }],
    });
    expect(image?.status === "downloaded", `outcome ${JSON.stringify(image)}`);
    const { bytes, contentType } = image as Client.DownloadedImage;
    expect(contentType === "image/png" && bytes.join() === PNG.join(), `downloaded ${contentType} ${bytes.join()}`);
  });

  await step("json", async () => {
    const dataset = await client.datasets.createDataset({ name: "cats & dogs" });
    expect(dataset.dataset_id === "ds-1", `unexpected result ${JSON.stringify(dataset)}`);
  });

  await step("query", async () => {
    const { data, status, headers } = await client.models
      .listCustomModels({ status: ["TRAINING", "COMPLETED"] })
      .withResponse();
    expect(status === 200 && headers.get("content-type") === "application/json", `status ${status}`);
    expect(Array.isArray(data.models), `unexpected result ${JSON.stringify(data)}`);
  });

  await step("retry", async () => {
    const started = Date.now();
    const { dataset } = await client.datasets.getDataset({ dataset_id: "ds 1/a" });
    const waited = Date.now() - started;
    expect(dataset.dataset_id === "ds 1/a", `unexpected result ${JSON.stringify(dataset)}`);
    expect(waited >= 950, `answered after ${waited} ms: Retry-After: 1 was not honoured`);
  });

  await step("timeout", async () => {
    const error = await rejection(client.models.getCustomModel({ model_id: "slow" }, { timeout: 300 }));
    expect(error instanceof sdk.ApiTimeoutError, `rejected with ${String(error)}`);
  });

  await step("abort", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(client.datasets.listDatasets({ signal: controller.signal }));
    expect(error instanceof sdk.ApiAbortError, `rejected with ${String(error)}`);
  });

  await step("typed-422", async () => {
    const error = await rejection(client.models.trainModelV3({ dataset_id: "ds-1", model_name: "my model" }));
    expect(error instanceof sdk.UnprocessableEntityError, `rejected with ${String(error)}`);
    const body = (error as InstanceType<Sdk["UnprocessableEntityError"]>).body;
    expect(body?.error === "Prompt failed safety check", `body ${JSON.stringify(body)}`);
  });

  await step("no-key", async () => {
    // Without apiKey the client looks for IDEOGRAM_API_KEY: absent here, or not readable (Deno without
    // --allow-env, a browser, a Worker). Constructing must not throw; the call must fail before sending.
    const keyless = new sdk.Ideogram({ baseUrl: server });
    const error = await rejection(keyless.models.listCustomModels());
    expect(
      error instanceof sdk.SdkError &&
        /^missing credentials for GET \/models: pass apiKey \(or set IDEOGRAM_API_KEY/.test(error.message),
      `rejected with ${String(error)}`,
    );
  });

  return { checks, formDataBlobFilename: await blobFilename() };
}

async function blobFilename(): Promise<string> {
  const form = new FormData();
  form.append("part", new Blob([PNG], { type: "image/png" }));
  const text = await new Response(form).text();
  return /filename="([^"]*)"/.exec(text)?.[1] ?? "(none)";
}
