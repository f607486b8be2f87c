// Type tests for both generated Ideogram clients ("ideogram-client" maps to one variant per tsconfig):
// every line without @ts-expect-error must compile; every @ts-expect-error line must fail to
// (tsc reports an unused directive otherwise).
import {
  AspectRatioV3,
  Ideogram,
  IdeogramCore,
  UnprocessableEntityError,
  downloadImages,
  generateImageV3,
  imageLinks,
  toFile,
  type ApiPromise,
  type ImageGenerationResponseV3,
  type ImageLink,
  type ListCustomModelsParams,
  type RequestOptions,
} from "ideogram-client";
import { fileFromPath, saveImages } from "ideogram-client/node";

declare const bytes: Uint8Array;
declare const blob: Blob;
declare const stream: ReadableStream<Uint8Array>;
declare const nodeStream: AsyncIterable<Uint8Array>;

const client = new Ideogram({ apiKey: "key", baseUrl: "http://127.0.0.1:1", timeout: 1000, maxRetries: 1 });
new Ideogram();

async function correctCalls(): Promise<void> {
  const result: ImageGenerationResponseV3 = await client.generate.generateImageV3({
    prompt: "a lighthouse",
    aspect_ratio: "16x9",
    rendering_speed: "TURBO",
    magic_prompt: "ON",
    num_images: 2,
    style_codes: ["0A1B2C3D"],
    color_palette: { name: "EMBER" },
    style_reference_images: [bytes, blob, stream, nodeStream, await toFile(bytes, "a.png")],
  });
  const url: string | null | undefined = result.data[0]?.url;
  const resolution: string = result.data[0]!.resolution;
  void url;
  void resolution;

  await client.generate.generateImageV3({ prompt: "x", aspect_ratio: AspectRatioV3._16x9 });
  await client.generate.generateImageV3({ prompt: "x", color_palette: { members: [{ color_hex: "#fff", color_weight: 0.5 }] } });
  await client.generate.inpaintImageV3({ image: blob, mask: bytes, prompt: "x" });
  await client.generate.upscaleImage({ image_request: { resemblance: 50 }, image_file: await fileFromPath("x.png") });
  await client.datasets.listDatasets();
  await client.datasets.listDatasets({ signal: new AbortController().signal });
  await client.datasets.getDataset({ dataset_id: "d" }, { timeout: 5, maxRetries: 0, headers: { "x-trace": "1" } });
  await client.models.listCustomModels({ status: ["TRAINING", "COMPLETED"], scope: "owned" });
  await client.models.listCustomModels();

  const { data, response } = await client.datasets.getDataset({ dataset_id: "d" }).withResponse();
  const status: number = response.status;
  const name: string = data.dataset.name;
  void status;
  void name;

  const pending: ApiPromise<ImageGenerationResponseV3> = generateImageV3(new IdeogramCore(), { prompt: "x" });
  const asPromise: Promise<ImageGenerationResponseV3> = pending;
  void asPromise;

  const [first] = await client.downloadImages(result, { concurrency: 2, timeout: 10_000, maxRetries: 1 });
  if (first?.status === "downloaded") {
    const firstBytes: Uint8Array = first.bytes;
    void firstBytes;
  } else if (first?.status === "skipped") {
    const reason: "unsafe" | "no-url" = first.reason;
    void reason;
  } else if (first?.status === "failed") {
    const retry: string = first.url;
    const message: string = first.error.message;
    void [retry, message];
  }
  // @ts-expect-error only a downloaded image has bytes
  void first?.bytes;
  const links: ImageLink[] = imageLinks(result);
  void links;
  await downloadImages(new IdeogramCore(), result);
  for (const saved of await saveImages(client, result, "out", { prefix: "lighthouse" })) {
    if (saved.status === "saved") {
      const path: string = saved.path;
      void path;
    }
  }
  // @ts-expect-error downloadImages takes a result the API returns, not any object
  await client.downloadImages({ urls: ["https://example.com/a.png"] });

  try {
    await client.generate.generateImageV3({ prompt: "x" });
  } catch (error) {
    if (error instanceof UnprocessableEntityError) {
      const text: string | undefined = error.body?.error;
      const code: number = error.status;
      void text;
      void code;
    }
  }
  const options: RequestOptions = { signal: AbortSignal.timeout(10) };
  void options;
  const params: ListCustomModelsParams = { scope: "shared" };
  void params;
}

async function misuse(): Promise<void> {
  // A typo in an enum value (the API spells aspect ratios with "x").
  // @ts-expect-error
  await client.generate.generateImageV3({ prompt: "x", aspect_ratio: "16:9" });
  // An unknown rendering speed.
  // @ts-expect-error
  await client.generate.generateImageV3({ prompt: "x", rendering_speed: "FASTEST" });
  // The required prompt is missing.
  // @ts-expect-error
  await client.generate.generateImageV3({ aspect_ratio: "1x1" });
  // A file field given a string (a path is not a file; use fileFromPath).
  // @ts-expect-error
  await client.generate.inpaintImageV3({ image: "photo.png", mask: bytes, prompt: "x" });
  // A number where a file goes.
  // @ts-expect-error
  await client.generate.generateImageV3({ prompt: "x", style_reference_images: [42] });
  // A single file where the spec takes a list of files.
  // @ts-expect-error
  await client.datasets.uploadDatasetAssets({ dataset_id: "d", files: blob });
  // The required path parameter is missing.
  // @ts-expect-error
  await client.datasets.getDataset({});
  // Query arrays take the enum's values only.
  // @ts-expect-error
  await client.models.listCustomModels({ status: ["DONE"] });
  // An integer field given a string.
  // @ts-expect-error
  await client.generate.generateImageV3({ prompt: "x", num_images: "2" });
  // A color palette that is neither a preset name nor members.
  // @ts-expect-error
  await client.generate.generateImageV3({ prompt: "x", color_palette: { name: "NEON" } });
  // The API key is not a per-call parameter: the client owns it.
  // @ts-expect-error
  await client.datasets.getDataset({ dataset_id: "d", "Api-Key": "k" });
  // Per-request options are checked too.
  // @ts-expect-error
  await client.datasets.listDatasets({ timeout: "soon" });
  // Responses are typed: no such property.
  // @ts-expect-error
  (await client.datasets.listDatasets()).items;
  // Nullable fields must be checked before use.
  // @ts-expect-error
  (await client.generate.generateImageV3({ prompt: "x" })).data[0]!.url.length;
}

void correctCalls;
void misuse;

// exactOptionalPropertyTypes (on in this tsconfig): what a caller has may be undefined, and passing it compiles.
declare const maybeKey: string | undefined;
declare const maybeSignal: AbortSignal | undefined;
declare const maybeSeed: number | undefined;
declare const maybeStyle: "AUTO" | "GENERAL" | undefined;
async function possiblyUndefinedOptions(): Promise<void> {
  const fromEnvironment = new Ideogram({ apiKey: maybeKey, timeout: maybeSeed, baseUrl: undefined, headers: undefined });
  await fromEnvironment.generate.generateImageV3(
    { prompt: "a lighthouse", seed: maybeSeed, style_type: maybeStyle, negative_prompt: undefined },
    { signal: maybeSignal, timeout: undefined, maxRetries: maybeSeed, headers: undefined },
  );
  await fromEnvironment.models.listCustomModels({ status: undefined }, { signal: maybeSignal });
  await fromEnvironment.downloadImages({ created: "", data: [] }, { signal: maybeSignal, concurrency: undefined });
  await toFile(bytes, "a.png", { type: undefined });
  // A downloaded file: the platform's Response, straight from fetch.
  await fromEnvironment.generate.remixImageV3({ image: await toFile(await fetch("https://example.com/cat.png")), prompt: "a lighthouse" });
  // @ts-expect-error a Response's promise is not a file field's value: toFile reads it
  await fromEnvironment.generate.remixImageV3({ image: fetch("https://example.com/cat.png"), prompt: "a lighthouse" });
  // A required field still takes no undefined.
  // @ts-expect-error prompt is required
  await fromEnvironment.generate.generateImageV3({ prompt: maybeKey });
}
void possiblyUndefinedOptions;
