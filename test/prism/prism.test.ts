import { join } from "node:path";
import type * as Types from "../../generated/fetch/index.ts";
import type { ApiPromise, Ideogram, RequestOptions, WithResponse } from "../../generated/fetch/index.ts";
import { API_KEY } from "../support/client";
import { JPEG, PNG, WEBP } from "../support/images";
import { PrismMock, type PrismViolation } from "../support/prism";
import { VARIANTS, type Sdk } from "../support/variants";

/*
 * Stoplight Prism, an OpenAPI implementation that is not ours, judges what the generated clients
 * send: every operation of the Ideogram spec, called through both variants with realistic
 * arguments, must draw no violation from it. Prism runs with --errors=false and, as its server
 * does, lists what it found in an `sl-violations` header on whatever it answers: a 2xx when only
 * warnings were found, the spec's own 400/422 when a request is invalid. Where the spec declares no
 * 400/422, Prism answers its own problem+json 422 and puts the list in the body's `validation`.
 */

const SPEC = join(__dirname, "..", "..", "specs", "ideogram-openapi.yml");

/** A violation that Prism reports for a correct request, because Prism 5 does not implement that part of OpenAPI. */
interface KnownLimitation {
  operation: string;
  field: string;
  message: RegExp;
  /** Why the request is right and Prism is wrong. */
  reason: string;
}

/*
 * Prism 5 reads a multipart body into one string per field name, the last part winning
 * (prism-http's parseMultipartFormDataParams), and applies no OpenAPI encoding defaults to it:
 * - an array, sent as the field repeated once per item (OpenAPI's form/explode default, DESIGN §3),
 *   reaches its validator as a single string: "must be array", whatever the number of items;
 * - an object, sent as its JSON text in one part (DESIGN §3), stays a string: "must be object",
 *   and for a oneOf such as color_palette also "must match exactly one schema in oneOf".
 */
const REPEATED = "Prism keeps only the last of repeated parts, so a form/explode array reaches it as a string";
const JSON_TEXT = "Prism does not parse a part holding an object's JSON text, so the object reaches it as a string";
const ARRAY = /^Request body property \w+ must be array$/;
const OBJECT = /^Request body property \w+ must (be object|match exactly one schema in oneOf)$/;

const KNOWN_LIMITATIONS: readonly KnownLimitation[] = [
  { operation: "generateImageV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "generateImageV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "generateImageV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "generateImageV3", field: "character_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "generateImageV3", field: "character_reference_images_mask", message: ARRAY, reason: REPEATED },
  { operation: "inpaintImageV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "inpaintImageV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "inpaintImageV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "inpaintImageV3", field: "character_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "inpaintImageV3", field: "character_reference_images_mask", message: ARRAY, reason: REPEATED },
  { operation: "remixImageV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "remixImageV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "remixImageV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "remixImageV3", field: "character_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "remixImageV3", field: "character_reference_images_mask", message: ARRAY, reason: REPEATED },
  { operation: "reframeImageV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "reframeImageV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "reframeImageV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "replaceBackgroundV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "replaceBackgroundV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "replaceBackgroundV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "editImageV1", field: "images", message: ARRAY, reason: REPEATED },
  { operation: "editImageV1", field: "image_urls", message: ARRAY, reason: REPEATED },
  { operation: "upscaleImage", field: "image_request", message: OBJECT, reason: JSON_TEXT },
  { operation: "editImageV3", field: "color_palette", message: OBJECT, reason: JSON_TEXT },
  { operation: "editImageV3", field: "style_codes", message: ARRAY, reason: REPEATED },
  { operation: "editImageV3", field: "style_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "editImageV3", field: "character_reference_images", message: ARRAY, reason: REPEATED },
  { operation: "editImageV3", field: "character_reference_images_mask", message: ARRAY, reason: REPEATED },
  { operation: "remixImage", field: "image_request", message: OBJECT, reason: JSON_TEXT },
  { operation: "uploadDatasetAssets", field: "files", message: ARRAY, reason: REPEATED },
];

function isKnownLimitation(operation: string, violation: PrismViolation): boolean {
  const [side, where, field] = violation.location;
  return KNOWN_LIMITATIONS.some(
    (known) =>
      known.operation === operation &&
      side === "request" &&
      where === "body" &&
      field === known.field &&
      known.message.test(violation.message),
  );
}

/** Asks for the spec's 200 (Prism's default is the lowest 2xx anyway; this makes it explicit). */
const PREFER_200: RequestOptions = { headers: { Prefer: "code=200" } };

interface Verdict {
  status: number;
  data: unknown;
  violations: PrismViolation[];
}

function parseViolations(header: string | null): PrismViolation[] {
  if (header === null) return [];
  try {
    return JSON.parse(header) as PrismViolation[];
  } catch {
    throw new Error(`unreadable sl-violations header: ${header}`);
  }
}

/** Makes the call and reads Prism's verdict on the request, whether Prism answered 2xx or 4xx. */
async function verdictOf(sdk: Sdk, call: () => Promise<WithResponse<unknown>>): Promise<Verdict> {
  try {
    const { data, status, headers } = await call();
    return { status, data, violations: parseViolations(headers.get("sl-violations")) };
  } catch (error) {
    if (!(error instanceof sdk.ApiError)) throw error;
    const problem = error.body as { validation?: PrismViolation[] } | undefined;
    const violations = error.headers.has("sl-violations")
      ? parseViolations(error.headers.get("sl-violations"))
      : // Prism's own 422 (no 400/422 in the spec) carries the violations without the "request" prefix.
        (problem?.validation ?? []).map((violation) => ({
          ...violation,
          location: ["request", ...violation.location],
        }));
    return { status: error.status, data: error.body, violations };
  }
}

/** One operation: realistic arguments for every field it has, how to send them, and what its 200 looks like. */
interface Case {
  operation: string;
  params: (sdk: Sdk) => Promise<object> | object;
  send: (client: Ideogram, params: any, options: RequestOptions) => ApiPromise<unknown>;
  expectShape: (data: any) => void;
}

function operation<P extends object, R>(
  name: string,
  params: (sdk: Sdk) => Promise<P> | P,
  send: (client: Ideogram, params: P, options: RequestOptions) => ApiPromise<R>,
  expectShape: (data: R) => void,
): Case {
  return { operation: name, send, params, expectShape };
}

const PALETTE_MEMBERS: Types.ColorPaletteWithMembers = {
  members: [
    { color_hex: "#1B3A4B", color_weight: 0.5 },
    { color_hex: "#F2A541", color_weight: 0.3 },
    { color_hex: "#EDEDED" },
  ],
};
const PALETTE_PRESET: Types.ColorPaletteWithPresetName = { name: "PASTEL" };

function expectV3Images(data: Types.ImageGenerationResponseV3): void {
  expect(typeof data.created).toBe("string");
  expect(Array.isArray(data.data)).toBe(true);
  for (const image of data.data) expect(typeof image.is_image_safe).toBe("boolean");
}

function expectLegacyImages(data: Types.GenerateImageResponse | Types.V1EditImagesResponse): void {
  expect(typeof data.created).toBe("string");
  expect(Array.isArray(data.data)).toBe(true);
}

function expectDataset(dataset: Types.Dataset): void {
  expect(dataset).toEqual(expect.objectContaining({ dataset_id: expect.any(String), name: expect.any(String) }));
}

function expectModel(model: Types.CustomModel): void {
  expect(model).toEqual(expect.objectContaining({ model_id: expect.any(String), status: expect.any(String) }));
}

const CASES: readonly Case[] = [
  operation(
    "generateImageV3",
    (): Types.GenerateImageV3Params => ({
      prompt: "A lighthouse on a basalt cliff at dusk, warm window light, oil painting",
      seed: 12345,
      aspect_ratio: "16x9",
      rendering_speed: "TURBO",
      magic_prompt: "OFF",
      negative_prompt: "fog, people",
      num_images: 2,
      color_palette: PALETTE_MEMBERS,
      style_codes: ["1A2B3C4D", "5E6F7A8B"],
      style_type: "DESIGN",
      style_reference_images: [PNG, JPEG],
      character_reference_images: [JPEG],
      character_reference_images_mask: [PNG],
    }),
    (client, params, options) => client.generate.generateImageV3(params, options),
    expectV3Images,
  ),
  operation(
    "generateImageV3Transparent",
    (): Types.GenerateImageV3TransparentParams => ({
      prompt: "A glass perfume bottle with a gold cap, studio product shot",
      seed: 0,
      upscale_factor: "X2",
      aspect_ratio: "1x1",
      rendering_speed: "QUALITY",
      magic_prompt: "AUTO",
      negative_prompt: "shadow",
      num_images: 1,
    }),
    (client, params, options) => client.generate.generateImageV3Transparent(params, options),
    expectV3Images,
  ),
  operation(
    "inpaintImageV3",
    async (sdk): Promise<Types.InpaintImageV3Params> => ({
      image: await sdk.toFile(PNG, "living-room.png"),
      mask: await sdk.toFile(PNG, "sofa-mask.png"),
      prompt: "A green velvet sofa",
      magic_prompt: "ON",
      num_images: 1,
      seed: 7,
      rendering_speed: "DEFAULT",
      style_type: "REALISTIC",
      color_palette: PALETTE_PRESET,
      style_codes: ["DEADBEEF"],
      style_reference_images: [JPEG],
      character_reference_images: [JPEG],
      character_reference_images_mask: [PNG],
    }),
    (client, params, options) => client.generate.inpaintImageV3(params, options),
    expectV3Images,
  ),
  operation(
    "remixImageV3",
    (): Types.RemixImageV3Params => ({
      image: new Blob([JPEG], { type: "image/jpeg" }),
      prompt: "The same street in watercolor, autumn",
      image_weight: 65,
      seed: 99,
      resolution: "1312x736",
      rendering_speed: "TURBO",
      magic_prompt: "OFF",
      negative_prompt: "cars",
      num_images: 2,
      color_palette: { name: "EMBER" },
      style_codes: ["AABBCCDD", "11223344"],
      style_preset: "WATERCOLOR",
      style_reference_images: [WEBP],
      character_reference_images: [PNG],
      character_reference_images_mask: [PNG],
    }),
    (client, params, options) => client.generate.remixImageV3(params, options),
    expectV3Images,
  ),
  operation(
    "reframeImageV3",
    (): Types.ReframeImageV3Params => ({
      image: new Uint8Array(PNG),
      resolution: "1536x640",
      num_images: 2,
      seed: 42,
      rendering_speed: "QUALITY",
      style_preset: "BAUHAUS",
      color_palette: PALETTE_MEMBERS,
      style_codes: ["0F0F0F0F"],
      style_reference_images: [JPEG, WEBP],
    }),
    (client, params, options) => client.generate.reframeImageV3(params, options),
    expectV3Images,
  ),
  operation(
    "replaceBackgroundV3",
    async (sdk): Promise<Types.ReplaceBackgroundV3Params> => ({
      image: await sdk.toFile(JPEG, "product.jpg", { type: "image/jpeg" }),
      prompt: "On a marble countertop in a sunlit kitchen",
      magic_prompt: "AUTO",
      num_images: 1,
      seed: 2024,
      rendering_speed: "DEFAULT",
      style_preset: "ART_DECO",
      color_palette: { name: "JUNGLE" },
      style_codes: ["CAFEBABE", "01234567", "89ABCDEF"],
      style_reference_images: [PNG],
    }),
    (client, params, options) => client.generate.replaceBackgroundV3(params, options),
    expectV3Images,
  ),
  operation(
    "removeBackground",
    (): Types.RemoveBackgroundParams => ({ image: new File([WEBP], "cat.webp", { type: "image/webp" }) }),
    (client, params, options) => client.generate.removeBackground(params, options),
    (data) => {
      expect(typeof data.created).toBe("string");
      expect(Array.isArray(data.data)).toBe(true);
    },
  ),
  operation(
    "layerizeTextV3",
    (): Types.LayerizeTextV3Params => ({ image: PNG, prompt: "SUMMER SALE in bold serif letters", seed: 3 }),
    (client, params, options) => client.generate.layerizeTextV3(params, options),
    (data) => {
      expect(typeof data.base_image_url).toBe("string");
      expect(typeof data.seed).toBe("number");
    },
  ),
  operation(
    "editImageV1",
    (): Types.EditImageV1Params => ({
      prompt: "Make it a snowy night",
      images: [PNG, JPEG],
      image_urls: ["https://ideogram.ai/api/images/ephemeral/abc123.png"],
      num_images: 2,
      seed: 5,
      magic_prompt: "ON",
      aspect_ratio: "4x3",
      transparent_background: false,
    }),
    (client, params, options) => client.generate.editImageV1(params, options),
    expectLegacyImages,
  ),
  operation(
    "upscaleImage",
    (): Types.UpscaleImageParams => ({
      image_request: {
        prompt: "Sharper, finer fabric texture",
        resemblance: 60,
        detail: 40,
        magic_prompt_option: "OFF",
        num_images: 1,
        seed: 11,
      },
      image_file: new Blob([JPEG], { type: "image/jpeg" }),
    }),
    (client, params, options) => client.generate.upscaleImage(params, options),
    expectLegacyImages,
  ),
  operation(
    "describe",
    (): Types.DescribeParams => ({ image_file: WEBP, describe_model_version: "V_3" }),
    (client, params, options) => client.vision.describe(params, options),
    (data) => expect(Array.isArray(data.descriptions)).toBe(true),
  ),
  operation(
    "generateImage",
    (): Types.GenerateImageParams => ({
      image_request: {
        prompt: "A vintage travel poster of Lisbon trams",
        aspect_ratio: "ASPECT_16_9",
        model: "V_2",
        magic_prompt_option: "AUTO",
        seed: 10,
        style_type: "DESIGN",
        negative_prompt: "modern cars",
        num_images: 2,
        color_palette: PALETTE_MEMBERS,
      },
    }),
    (client, params, options) => client.generate.generateImage(params, options),
    expectLegacyImages,
  ),
  operation(
    "editImageV3",
    async (sdk): Promise<Types.EditImageV3Params> => ({
      image: new File([PNG], "portrait.png", { type: "image/png" }),
      mask: await sdk.toFile(PNG, "hat-mask.png"),
      prompt: "Add a straw hat",
      magic_prompt: "OFF",
      num_images: 1,
      seed: 8,
      rendering_speed: "FLASH",
      style_type: "AUTO",
      color_palette: PALETTE_PRESET,
      style_codes: ["13579BDF"],
      style_reference_images: [JPEG],
      character_reference_images: [WEBP],
      character_reference_images_mask: [PNG],
    }),
    (client, params, options) => client.generate.editImageV3(params, options),
    expectV3Images,
  ),
  operation(
    "editImage",
    async (sdk): Promise<Types.EditImageParams> => ({
      image_file: await sdk.toFile(PNG, "storefront.png"),
      mask: PNG,
      prompt: "A red wooden door",
      model: "V_2",
      magic_prompt_option: "ON",
      num_images: 4,
      seed: 21,
      style_type: "RENDER_3D",
    }),
    (client, params, options) => client.generate.editImage(params, options),
    expectLegacyImages,
  ),
  operation(
    "remixImage",
    (): Types.RemixImageParams => ({
      image_request: {
        prompt: "As a 1960s screen-printed poster",
        aspect_ratio: "ASPECT_3_2",
        model: "V_2A",
        magic_prompt_option: "OFF",
        seed: 4,
        style_type: "DESIGN",
        num_images: 1,
        color_palette: PALETTE_PRESET,
        image_weight: 30,
      },
      image_file: new Uint8Array(JPEG),
    }),
    (client, params, options) => client.generate.remixImage(params, options),
    expectLegacyImages,
  ),
  operation(
    "reframeImage",
    (): Types.ReframeImageParams => ({
      image_file: JPEG,
      resolution: "RESOLUTION_1024_1024",
      model: "V_2_TURBO",
      num_images: 1,
      seed: 5,
      style_type: "GENERAL",
    }),
    (client, params, options) => client.generate.reframeImage(params, options),
    expectLegacyImages,
  ),
  operation(
    "listDatasets",
    (): Record<string, never> => ({}),
    (client, _params, options) => client.datasets.listDatasets(options),
    (data) => {
      expect(Array.isArray(data.datasets)).toBe(true);
      data.datasets.forEach(expectDataset);
    },
  ),
  operation(
    "createDataset",
    (): Types.CreateDatasetParams => ({ name: "Product shots 2026" }),
    (client, params, options) => client.datasets.createDataset(params, options),
    expectDataset,
  ),
  operation(
    "getDataset",
    (): Types.GetDatasetParams => ({ dataset_id: "ds_8f3a2c1e" }),
    (client, params, options) => client.datasets.getDataset(params, options),
    (data) => {
      expectDataset(data.dataset);
      expect(Array.isArray(data.files)).toBe(true);
      expect(typeof data.file_count).toBe("number");
    },
  ),
  operation(
    "uploadDatasetAssets",
    async (sdk): Promise<Types.UploadDatasetAssetsParams> => ({
      dataset_id: "ds_8f3a2c1e",
      files: [
        await sdk.toFile(JPEG, "sunset.jpg"),
        await sdk.toFile(Buffer.from("golden hour over the sea"), "sunset.txt", { type: "text/plain" }),
      ],
    }),
    (client, params, options) => client.datasets.uploadDatasetAssets(params, options),
    (data) => {
      expect(typeof data.total_count).toBe("number");
      expect(typeof data.success_count).toBe("number");
    },
  ),
  operation(
    "trainModelV3",
    (): Types.TrainModelV3Params => ({ dataset_id: "ds_8f3a2c1e", model_name: "product-shots v1" }),
    (client, params, options) => client.models.trainModelV3(params, options),
    (data) => expect(typeof data.model_id).toBe("string"),
  ),
  operation(
    "listCustomModels",
    (): Types.ListCustomModelsParams => ({ scope: "owned", status: ["TRAINING", "COMPLETED"] }),
    (client, params, options) => client.models.listCustomModels(params, options),
    (data) => {
      expect(Array.isArray(data.models)).toBe(true);
      data.models.forEach(expectModel);
    },
  ),
  operation(
    "getCustomModel",
    // A standard-base64 ID: "/", "+" and "=" must be percent-encoded for Prism to route it to /models/{model_id}.
    (): Types.GetCustomModelParams => ({ model_id: "bW9k/ZWw+djI=" }),
    (client, params, options) => client.models.getCustomModel(params, options),
    (data) => expectModel(data.model),
  ),
];

/** The operation's fields that Prism cannot judge (see KNOWN_LIMITATIONS). */
function limitedFields(operation: string): Set<string> {
  return new Set(KNOWN_LIMITATIONS.filter((known) => known.operation === operation).map((known) => known.field));
}

/** Operations whose required field is one Prism cannot judge, so Prism refuses every call of theirs. */
const ALWAYS_REFUSED = new Set(["upscaleImage", "remixImage", "uploadDatasetAssets"]);
/** Operations sent a second time without the fields Prism cannot judge, to check Prism's 200 against the success type. */
const RESENT = CASES.filter((c) => limitedFields(c.operation).size > 0 && !ALWAYS_REFUSED.has(c.operation));

/** The names of the client's operations, read from its resources (so a new operation without a case fails). */
function clientOperations(sdk: Sdk): string[] {
  const resources = [sdk.GenerateResource, sdk.VisionResource, sdk.DatasetsResource, sdk.ModelsResource];
  return resources.flatMap((resource) =>
    Object.getOwnPropertyNames(resource.prototype).filter((name) => name !== "constructor"),
  );
}

let prism: PrismMock;

beforeAll(async () => {
  prism = await new PrismMock(SPEC).start();
}, 90_000);

afterAll(async () => {
  await prism?.stop();
}, 30_000);

describe.each(VARIANTS)("$label client against Prism", ({ sdk }) => {
  let client: Ideogram;
  /** Known limitations seen in this variant's calls, as "operation field". */
  const seen = new Set<string>();

  beforeAll(() => {
    client = new sdk.Ideogram({ apiKey: API_KEY, baseUrl: prism.url, maxRetries: 0 });
  });

  test("the cases cover each of the client's 23 operations once", () => {
    const operations = clientOperations(sdk);
    expect(operations).toHaveLength(23);
    expect(CASES.map((c) => c.operation).sort()).toEqual(operations.sort());
  });

  test.each(CASES)("$operation with every field draws no violation but Prism's known limitations", async (c) => {
    const params = await c.params(sdk);
    const verdict = await verdictOf(sdk, () => c.send(client, params, PREFER_200).withResponse());

    const [known, unexpected] = partition(verdict.violations, (violation) => isKnownLimitation(c.operation, violation));
    known.forEach((violation) => seen.add(`${c.operation} ${violation.location[2]}`));
    expect(unexpected).toEqual([]);
    if (known.length === 0) {
      expect(verdict.status).toBe(200);
      c.expectShape(verdict.data);
    } else {
      // Prism refused the request over its known limitations only, with the spec's own 400/422.
      expect([400, 422]).toContain(verdict.status);
    }
  });

  test.each(RESENT)("$operation without the fields Prism cannot judge draws no violation and a 200", async (c) => {
    const limited = limitedFields(c.operation);
    const params = Object.fromEntries(Object.entries(await c.params(sdk)).filter(([field]) => !limited.has(field)));
    const verdict = await verdictOf(sdk, () => c.send(client, params, PREFER_200).withResponse());

    expect(verdict.violations).toEqual([]);
    expect(verdict.status).toBe(200);
    c.expectShape(verdict.data);
  });

  test("every known limitation listed was met (the list holds nothing that Prism does not report)", () => {
    const listed = KNOWN_LIMITATIONS.map((known) => `${known.operation} ${known.field}`);
    expect([...new Set(listed)].sort()).toEqual([...seen].sort());
  });
});

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  return [items.filter(predicate), items.filter((item) => !predicate(item))];
}
