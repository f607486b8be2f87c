import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { AxiosResponse } from "axios";
import type { GenerateImageResponse, ImageGenerationResponseV3, Ideogram } from "../../generated/fetch/index.ts";
import { API_KEY, clientFor } from "../support/client";
import { JPEG, PNG, WEBP } from "../support/images";
import { field, file, multipartParts, type WirePart } from "../support/multipart";
import { TempDir, webStreamOf } from "../support/uploads";
import { CLIENTS } from "../support/variants";
import { json, WireServer, type RecordedRequest } from "../support/wire-server";

/** A second PNG, distinct from PNG, so masks and images cannot be confused on the wire. */
const MASK = Buffer.concat([PNG, Buffer.from("mask")]);
/** The first bytes of a ZIP archive (local file header signature). */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 1, 2, 3]);

const V3_RESULT: ImageGenerationResponseV3 = {
  created: "2026-01-02T03:04:05Z",
  data: [
    {
      url: "https://ideogram.ai/api/images/ephemeral/abc.png",
      prompt: "a lighthouse at dusk",
      resolution: "1312x736",
      is_image_safe: true,
      seed: 12345,
      style_type: "DESIGN",
    },
  ],
};

const LEGACY_RESULT: GenerateImageResponse = {
  created: "2026-01-02T03:04:05Z",
  data: [
    {
      url: "https://ideogram.ai/api/images/ephemeral/def.png",
      prompt: "a lighthouse",
      resolution: "1024x1024",
      is_image_safe: true,
      seed: 7,
    },
  ],
};

/** Method, exact path and query, the API key header, and the JSON Accept header. */
function expectRequestLine(request: RecordedRequest, method: string, url: string): void {
  expect({
    method: request.method,
    url: request.url,
    apiKey: request.headers["api-key"],
    accept: request.headers["accept"],
  }).toEqual({ method, url, apiKey: API_KEY, accept: "application/json" });
}

async function expectMultipart(request: RecordedRequest, method: string, url: string): Promise<WirePart[]> {
  expectRequestLine(request, method, url);
  return multipartParts(request);
}

function expectJsonBody(request: RecordedRequest, method: string, url: string): { text: string; value: unknown } {
  expectRequestLine(request, method, url);
  expect(request.headers["content-type"]).toBe("application/json");
  const text = request.body.toString("utf8");
  return { text, value: JSON.parse(text) };
}

function expectNoBody(request: RecordedRequest, method: string, url: string): void {
  expectRequestLine(request, method, url);
  expect(request.headers["content-type"]).toBeUndefined();
  expect(request.body.length).toBe(0);
}

/** The JSON text of a plain (filename-less, Content-Type-less) field, parsed. */
function jsonField(parts: WirePart[], name: string): unknown {
  const matching = parts.filter((part) => part.name === name);
  expect(matching).toHaveLength(1);
  const part = matching[0]!;
  if (!("field" in part)) throw new Error(`${name} was sent as a file part`);
  expect(part.contentType).toBeUndefined();
  return JSON.parse(part.field);
}

describe.each(CLIENTS)("$label client", ({ variant, sdk }) => {
  let server: WireServer;
  let client: Ideogram;
  let temp: TempDir;

  beforeAll(async () => {
    server = await new WireServer().start();
    client = clientFor(sdk, server);
    temp = await TempDir.create();
  });

  afterAll(async () => {
    await server.stop();
    await temp.remove();
  });

  describe("generate", () => {
    test("generateImageV3 repeats the field for each file in style_reference_images and each code in style_codes, and sends color_palette as JSON text", async () => {
      server.reply(json(200, V3_RESULT));
      const palette = { members: [{ color_hex: "#FF5733", color_weight: 0.6 }, { color_hex: "#33C1FF" }] };

      const result = await client.generate.generateImageV3({
        prompt: "a lighthouse at dusk",
        seed: 12345,
        aspect_ratio: "16x9",
        rendering_speed: "TURBO",
        magic_prompt: "OFF",
        negative_prompt: "fog",
        num_images: 2,
        color_palette: palette,
        style_codes: ["1A2B3C4D", "5E6F7A8B"],
        style_type: "DESIGN",
        style_reference_images: [PNG, JPEG, WEBP],
        character_reference_images: [new File([JPEG], "hero.jpg")],
      });

      const parts = await expectMultipart(server.last, "POST", "/v1/ideogram-v3/generate");
      expect(parts).toEqual([
        field("prompt", "a lighthouse at dusk"),
        field("seed", "12345"),
        field("aspect_ratio", "16x9"),
        field("rendering_speed", "TURBO"),
        field("magic_prompt", "OFF"),
        field("negative_prompt", "fog"),
        field("num_images", "2"),
        field("color_palette", JSON.stringify(palette)),
        field("style_codes", "1A2B3C4D"),
        field("style_codes", "5E6F7A8B"),
        field("style_type", "DESIGN"),
        file("style_reference_images", "style_reference_images.png", "image/png", PNG),
        file("style_reference_images", "style_reference_images.jpg", "image/jpeg", JPEG),
        file("style_reference_images", "style_reference_images.webp", "image/webp", WEBP),
        file("character_reference_images", "hero.jpg", "image/jpeg", JPEG),
      ]);
      expect(jsonField(parts, "color_palette")).toEqual(palette);
      expect(result).toEqual(V3_RESULT);
    });

    test("generateImageV3 sends no part at all for optional fields left undefined", async () => {
      server.reply(json(200, V3_RESULT));

      await client.generate.generateImageV3({
        prompt: "only a prompt",
        seed: undefined,
        color_palette: undefined,
        style_codes: undefined,
        style_reference_images: undefined,
      });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/generate")).toEqual([
        field("prompt", "only a prompt"),
      ]);
      expect(server.last.body.toString("latin1")).not.toMatch(/undefined|null/);
    });

    test("generateImageV3Transparent sends enum and integer fields as text, seed 0 included", async () => {
      server.reply(json(200, V3_RESULT));

      const result = await client.generate.generateImageV3Transparent({
        prompt: "a glass bottle",
        seed: 0,
        upscale_factor: "X2",
        aspect_ratio: "1x1",
        rendering_speed: "QUALITY",
        num_images: 1,
      });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/generate-transparent")).toEqual([
        field("prompt", "a glass bottle"),
        field("seed", "0"),
        field("upscale_factor", "X2"),
        field("aspect_ratio", "1x1"),
        field("rendering_speed", "QUALITY"),
        field("num_images", "1"),
      ]);
      expect(result).toEqual(V3_RESULT);
    });

    test("inpaintImageV3 sends Uint8Array, toFile(), web-stream and typeless-Blob uploads as named file parts with sniffed types", async () => {
      server.reply(json(200, V3_RESULT));
      const palette = { name: "JUNGLE" } as const;

      const result = await client.generate.inpaintImageV3({
        image: new Uint8Array(PNG),
        mask: await sdk.toFile(MASK, "mask.png"),
        prompt: "replace the sky",
        magic_prompt: "ON",
        num_images: 1,
        rendering_speed: "QUALITY",
        style_type: "REALISTIC",
        color_palette: palette,
        character_reference_images: [webStreamOf(JPEG)],
        character_reference_images_mask: [new Blob([MASK])],
      });

      const parts = await expectMultipart(server.last, "POST", "/v1/ideogram-v3/inpaint");
      expect(parts).toEqual([
        file("image", "image.png", "image/png", PNG),
        file("mask", "mask.png", "image/png", MASK),
        field("prompt", "replace the sky"),
        field("magic_prompt", "ON"),
        field("num_images", "1"),
        field("rendering_speed", "QUALITY"),
        field("style_type", "REALISTIC"),
        field("color_palette", '{"name":"JUNGLE"}'),
        file("character_reference_images", "character_reference_images.jpg", "image/jpeg", JPEG),
        file("character_reference_images_mask", "character_reference_images_mask.png", "image/png", MASK),
      ]);
      expect(jsonField(parts, "color_palette")).toEqual(palette);
      expect(result).toEqual(V3_RESULT);
    });

    test("remixImageV3 sends an ArrayBuffer image, integers as decimal text, and no part for an empty file array", async () => {
      server.reply(json(200, V3_RESULT));

      const result = await client.generate.remixImageV3({
        image: new Uint8Array(WEBP).buffer,
        prompt: "in watercolor",
        image_weight: 75,
        aspect_ratio: "3x2",
        num_images: 3,
        style_codes: ["AAAAAAAA"],
        style_preset: "BAUHAUS",
        style_reference_images: [],
      });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/remix")).toEqual([
        file("image", "image.webp", "image/webp", WEBP),
        field("prompt", "in watercolor"),
        field("image_weight", "75"),
        field("aspect_ratio", "3x2"),
        field("num_images", "3"),
        field("style_codes", "AAAAAAAA"),
        field("style_preset", "BAUHAUS"),
      ]);
      expect(result).toEqual(V3_RESULT);
    });

    test('reframeImageV3 names a typeless Blob after its field and sniffed type (never "blob") and keeps a File\'s name', async () => {
      server.reply(json(200, V3_RESULT));

      const result = await client.generate.reframeImageV3({
        image: new Blob([JPEG]),
        resolution: "1024x1024",
        num_images: 2,
        seed: 42,
        style_reference_images: [new File([WEBP], "reference.webp")],
      });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/reframe")).toEqual([
        file("image", "image.jpg", "image/jpeg", JPEG),
        field("resolution", "1024x1024"),
        field("num_images", "2"),
        field("seed", "42"),
        file("style_reference_images", "reference.webp", "image/webp", WEBP),
      ]);
      expect(result).toEqual(V3_RESULT);
    });

    test("replaceBackgroundV3 names a fs.createReadStream upload after the file's basename and sends its exact bytes", async () => {
      server.reply(json(200, V3_RESULT));
      const path = await temp.file("backdrop.png", PNG);
      const palette = { members: [{ color_hex: "#112233" }] };

      const result = await client.generate.replaceBackgroundV3({
        image: createReadStream(path),
        prompt: "a beach at noon",
        magic_prompt: "AUTO",
        color_palette: palette,
        style_codes: ["DEADBEEF", "CAFEBABE", "01234567"],
      });

      const parts = await expectMultipart(server.last, "POST", "/v1/ideogram-v3/replace-background");
      expect(parts).toEqual([
        file("image", "backdrop.png", "image/png", PNG),
        field("prompt", "a beach at noon"),
        field("magic_prompt", "AUTO"),
        field("color_palette", JSON.stringify(palette)),
        field("style_codes", "DEADBEEF"),
        field("style_codes", "CAFEBABE"),
        field("style_codes", "01234567"),
      ]);
      expect(jsonField(parts, "color_palette")).toEqual(palette);
      expect(result).toEqual(V3_RESULT);
    });

    test("removeBackground sends a File under its own name and declared type, and nothing else", async () => {
      const reply = {
        created: "2026-01-02T03:04:05Z",
        data: [{ url: "https://ideogram.ai/fg.png", is_image_safe: true }],
      };
      server.reply(json(200, reply));

      const result = await client.generate.removeBackground({
        image: new File([WEBP], "cat.webp", { type: "image/webp" }),
      });

      expect(await expectMultipart(server.last, "POST", "/v1/remove-background")).toEqual([
        file("image", "cat.webp", "image/webp", WEBP),
      ]);
      expect(result).toEqual(reply);
    });

    test("layerizeTextV3 reads a web ReadableStream fully and sends no part for the absent prompt", async () => {
      const reply = { base_image_url: "https://ideogram.ai/base.png", original_image_url: null, seed: 7 };
      server.reply(json(200, reply));

      const result = await client.generate.layerizeTextV3({ image: webStreamOf(PNG, 3), seed: 7 });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/layerize-text")).toEqual([
        file("image", "image.png", "image/png", PNG),
        field("seed", "7"),
      ]);
      expect(result).toEqual(reply);
    });

    test('editImageV1 repeats images and image_urls once per item, in order, and sends a false boolean as "false"', async () => {
      const reply = {
        created: "2026-01-02T03:04:05Z",
        data: [{ url: null, prompt: "p", resolution: "1024x1024", is_image_safe: false, seed: 1 }],
      };
      server.reply(json(200, reply));

      const result = await client.generate.editImageV1({
        prompt: "make it night",
        images: [PNG, JPEG],
        image_urls: [
          "https://ideogram.ai/api/images/ephemeral/one.png",
          "https://ideogram.ai/api/images/ephemeral/two.png",
        ],
        num_images: 2,
        resolution: "1024x1024",
        transparent_background: false,
      });

      expect(await expectMultipart(server.last, "POST", "/v1/edit")).toEqual([
        field("prompt", "make it night"),
        file("images", "images.png", "image/png", PNG),
        file("images", "images.jpg", "image/jpeg", JPEG),
        field("image_urls", "https://ideogram.ai/api/images/ephemeral/one.png"),
        field("image_urls", "https://ideogram.ai/api/images/ephemeral/two.png"),
        field("num_images", "2"),
        field("resolution", "1024x1024"),
        field("transparent_background", "false"),
      ]);
      expect(result).toEqual(reply);
    });

    test('editImageV1 sends a true boolean as "true" and image_urls alone when no file is uploaded', async () => {
      server.reply(json(200, { created: "2026-01-02T03:04:05Z", data: [] }));

      await client.generate.editImageV1({
        prompt: "cut it out",
        image_urls: ["https://ideogram.ai/api/images/ephemeral/one.png"],
        transparent_background: true,
      });

      expect(await expectMultipart(server.last, "POST", "/v1/edit")).toEqual([
        field("prompt", "cut it out"),
        field("image_urls", "https://ideogram.ai/api/images/ephemeral/one.png"),
        field("transparent_background", "true"),
      ]);
    });

    test("upscaleImage sends image_request as JSON text in a plain field (no filename) and honours a Blob's declared type", async () => {
      server.reply(json(200, LEGACY_RESULT));
      const imageRequest = {
        prompt: "sharper",
        resemblance: 60,
        detail: 40,
        magic_prompt_option: "OFF",
        num_images: 1,
        seed: 99,
      } as const;

      const result = await client.generate.upscaleImage({
        image_request: imageRequest,
        image_file: new Blob([JPEG], { type: "image/jpeg" }),
      });

      const parts = await expectMultipart(server.last, "POST", "/upscale");
      expect(parts).toEqual([
        field("image_request", JSON.stringify(imageRequest)),
        file("image_file", "image_file.jpg", "image/jpeg", JPEG),
      ]);
      expect(jsonField(parts, "image_request")).toEqual(imageRequest);
      expect(result).toEqual(LEGACY_RESULT);
    });

    test("generateImage (legacy) sends image_request as an application/json body without undefined keys", async () => {
      server.reply(json(200, LEGACY_RESULT));

      const result = await client.generate.generateImage({
        image_request: {
          prompt: "a lighthouse",
          aspect_ratio: "ASPECT_16_9",
          model: "V_2",
          magic_prompt_option: "AUTO",
          seed: undefined,
          negative_prompt: undefined,
          num_images: 2,
          color_palette: { name: "EMBER" },
        },
      });

      const body = expectJsonBody(server.last, "POST", "/generate");
      expect(body.value).toStrictEqual({
        image_request: {
          prompt: "a lighthouse",
          aspect_ratio: "ASPECT_16_9",
          model: "V_2",
          magic_prompt_option: "AUTO",
          num_images: 2,
          color_palette: { name: "EMBER" },
        },
      });
      expect(body.text).not.toMatch(/seed|negative_prompt|undefined|null/);
      expect(result).toEqual(LEGACY_RESULT);
    });

    test("editImageV3 (legacy) sends image and mask as separate file parts ahead of the text fields", async () => {
      server.reply(json(200, V3_RESULT));

      const result = await client.generate.editImageV3({
        image: new File([PNG], "photo.png"),
        mask: MASK,
        prompt: "add a hat",
        rendering_speed: "FLASH",
        style_type: "AUTO",
        style_reference_images: [await sdk.toFile(JPEG, "style.jpg")],
        character_reference_images: [new Uint8Array(WEBP)],
      });

      expect(await expectMultipart(server.last, "POST", "/v1/ideogram-v3/edit")).toEqual([
        file("image", "photo.png", "image/png", PNG),
        file("mask", "mask.png", "image/png", MASK),
        field("prompt", "add a hat"),
        field("rendering_speed", "FLASH"),
        field("style_type", "AUTO"),
        file("style_reference_images", "style.jpg", "image/jpeg", JPEG),
        file("character_reference_images", "character_reference_images.webp", "image/webp", WEBP),
      ]);
      expect(result).toEqual(V3_RESULT);
    });

    test("editImage (legacy) sends model, magic_prompt_option and style_type as their enum text", async () => {
      server.reply(json(200, LEGACY_RESULT));

      const result = await client.generate.editImage({
        image_file: await sdk.toFile(new Uint8Array(PNG), "original.png"),
        mask: MASK,
        prompt: "a red door",
        model: "V_2",
        magic_prompt_option: "ON",
        num_images: 4,
        style_type: "RENDER_3D",
      });

      expect(await expectMultipart(server.last, "POST", "/edit")).toEqual([
        file("image_file", "original.png", "image/png", PNG),
        file("mask", "mask.png", "image/png", MASK),
        field("prompt", "a red door"),
        field("model", "V_2"),
        field("magic_prompt_option", "ON"),
        field("num_images", "4"),
        field("style_type", "RENDER_3D"),
      ]);
      expect(result).toEqual(LEGACY_RESULT);
    });

    test("remixImage (legacy) sends image_request, nested color_palette included, as JSON text without undefined keys", async () => {
      server.reply(json(200, LEGACY_RESULT));

      const result = await client.generate.remixImage({
        image_request: {
          prompt: "as a poster",
          image_weight: 30,
          model: "V_2A",
          aspect_ratio: "ASPECT_3_2",
          seed: undefined,
          color_palette: { name: "PASTEL" },
        },
        image_file: new Uint8Array(JPEG),
      });

      const parts = await expectMultipart(server.last, "POST", "/remix");
      expect(parts).toEqual([
        field(
          "image_request",
          '{"prompt":"as a poster","image_weight":30,"model":"V_2A","aspect_ratio":"ASPECT_3_2","color_palette":{"name":"PASTEL"}}',
        ),
        file("image_file", "image_file.jpg", "image/jpeg", JPEG),
      ]);
      expect(jsonField(parts, "image_request")).toStrictEqual({
        prompt: "as a poster",
        image_weight: 30,
        model: "V_2A",
        aspect_ratio: "ASPECT_3_2",
        color_palette: { name: "PASTEL" },
      });
      expect(result).toEqual(LEGACY_RESULT);
    });

    test("reframeImage (legacy) sends a fileFromPath() upload under the file's name with its sniffed type", async () => {
      server.reply(json(200, LEGACY_RESULT));
      const path = await temp.file("square.jpg", JPEG);

      const result = await client.generate.reframeImage({
        image_file: await sdk.fileFromPath(path),
        resolution: "RESOLUTION_1024_1024",
        model: "V_2_TURBO",
        seed: 5,
      });

      expect(await expectMultipart(server.last, "POST", "/reframe")).toEqual([
        file("image_file", "square.jpg", "image/jpeg", JPEG),
        field("resolution", "RESOLUTION_1024_1024"),
        field("model", "V_2_TURBO"),
        field("seed", "5"),
      ]);
      expect(result).toEqual(LEGACY_RESULT);
    });
  });

  describe("vision", () => {
    test("describe sends image_file with a sniffed WebP type and the model version as text", async () => {
      const reply = { descriptions: [{ text: "A cat on a windowsill." }] };
      server.reply(json(200, reply));

      const result = await client.vision.describe({ image_file: WEBP, describe_model_version: "V_2" });

      expect(await expectMultipart(server.last, "POST", "/describe")).toEqual([
        file("image_file", "image_file.webp", "image/webp", WEBP),
        field("describe_model_version", "V_2"),
      ]);
      expect(result).toEqual(reply);
    });
  });

  describe("datasets", () => {
    const dataset = { dataset_id: "ds_42", name: "Cats", user_id: "u_1", creation_time: "2026-01-02T03:04:05Z" };

    test("listDatasets sends a bodiless GET, and withResponse() gives the parsed data with the raw status and headers", async () => {
      const reply = { datasets: [dataset] };
      server.reply(json(200, reply, { "x-request-id": "req-123" }));

      const { data, status, headers, response } = await client.datasets.listDatasets().withResponse();

      expectNoBody(server.last, "GET", "/datasets");
      expect(data).toEqual(reply);
      expect(status).toBe(200);
      expect(headers).toBeInstanceOf(Headers);
      expect(headers.get("x-request-id")).toBe("req-123");
      expect(headers.get("content-type")).toBe("application/json");
      // The transport's own response object, as that library gives it.
      if (variant === "fetch") {
        expect(response).toBeInstanceOf(Response);
        expect(response.status).toBe(200);
        expect(response.headers.get("x-request-id")).toBe("req-123");
      } else {
        const axiosResponse = response as unknown as AxiosResponse;
        expect(axiosResponse.status).toBe(200);
        expect(axiosResponse.headers["x-request-id"]).toBe("req-123");
        expect(axiosResponse.headers["content-type"]).toBe("application/json");
      }
    });

    test("asResponse() gives the response with its body unread, for the caller to read", async () => {
      const reply = { datasets: [dataset] };
      server.reply(json(200, reply));

      const response = await client.datasets.listDatasets().asResponse();

      if (variant === "fetch") {
        expect(response).toBeInstanceOf(Response);
        expect(response.bodyUsed).toBe(false);
        expect(await response.json()).toEqual(reply);
      } else {
        // axios has read the bytes; none of them parsed or consumed by the client.
        const { data, status } = response as unknown as AxiosResponse<ArrayBuffer>;
        expect(status).toBe(200);
        expect(JSON.parse(new TextDecoder().decode(data))).toEqual(reply);
      }
    });

    test("asResponse() of a failing call rejects with the same error as awaiting it", async () => {
      server.reply(json(404, { error: "no such dataset" }));

      await expect(client.datasets.getDataset({ dataset_id: "ds_1" }).asResponse()).rejects.toMatchObject({
        name: "NotFoundError",
        status: 404,
      });
    });

    test("createDataset sends the name as an application/json body and drops undefined keys", async () => {
      server.reply(json(200, dataset));
      const params = { name: "Cats", description: undefined };

      const result = await client.datasets.createDataset(params);

      const body = expectJsonBody(server.last, "POST", "/datasets");
      expect(body.text).toBe('{"name":"Cats"}');
      expect(result).toEqual(dataset);
    });

    test("getDataset percent-encodes dataset_id in the path", async () => {
      const reply = {
        dataset,
        file_count: 1,
        files: [{ file_name: "a.png", file_size_bytes: 19 }],
        custom_model_ids: [],
      };
      server.reply(json(200, reply));

      const result = await client.datasets.getDataset({ dataset_id: "a b/c" });

      expectNoBody(server.last, "GET", "/datasets/a%20b%2Fc");
      expect(result).toEqual(reply);
    });

    test("uploadDatasetAssets repeats the files field once per upload, in order, each with its name and type", async () => {
      const reply = { total_count: 4, success_count: 4, failure_count: 0 };
      server.reply(json(200, reply));
      const caption = Buffer.from("golden hour over the sea");

      const result = await client.datasets.uploadDatasetAssets({
        dataset_id: "ds_42",
        files: [
          PNG,
          new File([JPEG], "sunset.jpg", { type: "image/jpeg" }),
          await sdk.toFile(caption, "sunset.txt", { type: "text/plain" }),
          await sdk.toFile(ZIP, "more.zip"),
        ],
      });

      expect(await expectMultipart(server.last, "POST", "/datasets/ds_42/upload_assets")).toEqual([
        file("files", "files.png", "image/png", PNG),
        file("files", "sunset.jpg", "image/jpeg", JPEG),
        file("files", "sunset.txt", "text/plain", caption),
        file("files", "more.zip", "application/zip", ZIP),
      ]);
      expect(result).toEqual(reply);
    });
  });

  describe("models", () => {
    const model = {
      model_id: "bW9kZWw",
      name: "my-cats",
      status: "COMPLETED",
      creation_time: "2026-01-02T03:04:05Z",
      is_available_for_generation: true,
      is_owned: true,
    };

    test("trainModelV3 sends dataset_id and model_name as an application/json body", async () => {
      const reply = { model_id: "bW9kZWw", dataset_id: "ds_42", training_status: "TRAINING", model_name: "my-cats" };
      server.reply(json(200, reply));

      const result = await client.models.trainModelV3({ dataset_id: "ds_42", model_name: "my-cats" });

      const body = expectJsonBody(server.last, "POST", "/v1/ideogram-v3/train-model");
      expect(body.text).toBe('{"dataset_id":"ds_42","model_name":"my-cats"}');
      expect(result).toEqual(reply);
    });

    test("listCustomModels explodes the status array into repeated query parameters, after scope", async () => {
      const reply = { models: [model] };
      server.reply(json(200, reply));

      const result = await client.models.listCustomModels({ status: ["TRAINING", "COMPLETED"], scope: "owned" });

      expectNoBody(server.last, "GET", "/models?scope=owned&status=TRAINING&status=COMPLETED");
      expect(result).toEqual(reply);
    });

    test("listCustomModels without filters sends no query string", async () => {
      server.reply(json(200, { models: [] }));

      await client.models.listCustomModels();

      expectNoBody(server.last, "GET", "/models");
    });

    test("getCustomModel percent-encodes model_id in the path", async () => {
      const reply = { model };
      server.reply(json(200, reply));

      const result = await client.models.getCustomModel({ model_id: "team/model one?v=2" });

      expectNoBody(server.last, "GET", "/models/team%2Fmodel%20one%3Fv%3D2");
      expect(result).toEqual(reply);
    });
  });
});
