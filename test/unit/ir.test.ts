import type { ApiModel, MultipartEncoding, Operation, Property, SchemaNode } from "../../src/ir/types";
import { IDEOGRAM_CONFIG, IDEOGRAM_SPEC, fixture, ideogramModel, modelOf, operationNamed, schemaNamed } from "../support/specs";
import { buildModel } from "../../src/ir/build-model";
import { describer } from "../../src/ir/descriptions";
import { loadSpec } from "../../src/load/load-spec";

let model: ApiModel;
beforeAll(async () => {
  model = await ideogramModel();
});

const operation = (name: string): Operation => operationNamed(model, name);

function property(schemaName: string, name: string): Property {
  const schema = schemaNamed(model, schemaName).schema;
  if (schema.kind !== "object") throw new Error(`${schemaName} is a ${schema.kind}`);
  const found = schema.properties.find((p) => p.name === name);
  if (!found) throw new Error(`${schemaName} has no property ${name}`);
  return found;
}

function multipartFields(name: string): [string, MultipartEncoding, boolean][] {
  const body = operation(name).bodies[0];
  if (body?.kind !== "multipart") throw new Error(`${name} has no multipart body`);
  return body.fields.map((f) => [f.name, f.encoding, f.required]);
}

function field(operationName: string, fieldName: string) {
  const body = operation(operationName).bodies[0];
  if (body?.kind !== "multipart") throw new Error(`${operationName} has no multipart body`);
  return body.fields.find((f) => f.name === fieldName);
}

const ref = (name: string): SchemaNode => ({ kind: "ref", name, meta: {} });
const anyType: SchemaNode = { kind: "unknown", meta: { description: "Any type" } };

describe("the Ideogram spec: operations and resources", () => {
  test("has 23 operations, named, grouped and routed as the config's tag map says", () => {
    expect(model.operations.map((op) => [op.resource, op.name, op.method, op.path])).toEqual([
      ["generate", "generateImageV3", "POST", "/v1/ideogram-v3/generate"],
      ["generate", "generateImageV3Transparent", "POST", "/v1/ideogram-v3/generate-transparent"],
      ["generate", "inpaintImageV3", "POST", "/v1/ideogram-v3/inpaint"],
      ["generate", "remixImageV3", "POST", "/v1/ideogram-v3/remix"],
      ["generate", "reframeImageV3", "POST", "/v1/ideogram-v3/reframe"],
      ["generate", "replaceBackgroundV3", "POST", "/v1/ideogram-v3/replace-background"],
      ["generate", "removeBackground", "POST", "/v1/remove-background"],
      ["generate", "layerizeTextV3", "POST", "/v1/ideogram-v3/layerize-text"],
      ["generate", "editImageV1", "POST", "/v1/edit"],
      ["generate", "upscaleImage", "POST", "/upscale"],
      ["vision", "describe", "POST", "/describe"],
      ["generate", "generateImage", "POST", "/generate"],
      ["generate", "editImageV3", "POST", "/v1/ideogram-v3/edit"],
      ["generate", "editImage", "POST", "/edit"],
      ["generate", "remixImage", "POST", "/remix"],
      ["generate", "reframeImage", "POST", "/reframe"],
      ["datasets", "listDatasets", "GET", "/datasets"],
      ["datasets", "createDataset", "POST", "/datasets"],
      ["datasets", "getDataset", "GET", "/datasets/{dataset_id}"],
      ["datasets", "uploadDatasetAssets", "POST", "/datasets/{dataset_id}/upload_assets"],
      ["models", "trainModelV3", "POST", "/v1/ideogram-v3/train-model"],
      ["models", "listCustomModels", "GET", "/models"],
      ["models", "getCustomModel", "GET", "/models/{model_id}"],
    ]);
  });

  test("each method on its resource has the name of its standalone function: no operationId carries a namespace", () => {
    expect(model.operations.filter((op) => op.memberName !== op.name)).toEqual([]);
  });

  test("keeps each operationId and derives the type stem from the method name", () => {
    expect(operation("editImageV1")).toMatchObject({ operationId: "post-v-1-edit-image", typeStem: "EditImageV1" });
    expect(operation("listCustomModels")).toMatchObject({ operationId: "list-custom-models", typeStem: "ListCustomModels" });
  });

  test("lists the resources in order of first appearance, with their class names", () => {
    expect(model.resources).toEqual([
      { property: "generate", className: "GenerateResource" },
      { property: "vision", className: "VisionResource" },
      { property: "datasets", className: "DatasetsResource" },
      { property: "models", className: "ModelsResource" },
    ]);
  });

  test("without the tag map, a resource is the camelCased tag", async () => {
    const untouched = await modelOf(IDEOGRAM_SPEC);
    expect(untouched.resources.map((r) => r.property)).toEqual([
      "subpackageGenerate",
      "subpackageVision",
      "subpackageDatasets",
      "subpackageModels",
    ]);
    expect(operationNamed(untouched, "describe").resource).toBe("subpackageVision");
  });

  test("an operations override renames the method", async () => {
    const renamed = await modelOf(IDEOGRAM_SPEC, { operations: { "post-describe": "describeImage" } });
    expect(renamed.operations[10]).toMatchObject({ operationId: "post-describe", name: "describeImage", typeStem: "DescribeImage" });
  });

  test("takes title, version and the server URL from the spec", () => {
    expect([model.title, model.version, model.servers]).toEqual(["API Reference", "1.0.0", [{ url: "https://api.ideogram.ai", absolute: true, variables: [] }]]);
  });
});

describe("the Ideogram spec: authentication and parameters", () => {
  test("lifts the Api-Key header into model.auth as an apiKey credential", () => {
    expect(model.auth).toEqual([{ kind: "apiKey", in: "header", name: "Api-Key", schemeName: "ApiKeyAuth", options: ["apiKey"] }]);
  });

  test("every operation is authenticated, and none has Api-Key (or any header) as a parameter", () => {
    expect(model.operations.filter((op) => JSON.stringify(op.security) !== '[["ApiKeyAuth"]]')).toEqual([]);
    expect(model.operations.flatMap((op) => op.parameters.filter((p) => p.in === "header" || p.name === "Api-Key"))).toEqual([]);
  });

  test("only the four routes with path or query parameters have parameters", () => {
    expect(model.operations.filter((op) => op.parameters.length).map((op) => [op.name, op.parameters.map((p) => `${p.in}:${p.name}`)])).toEqual([
      ["getDataset", ["path:dataset_id"]],
      ["uploadDatasetAssets", ["path:dataset_id"]],
      ["listCustomModels", ["query:scope", "query:status"]],
      ["getCustomModel", ["path:model_id"]],
    ]);
  });

  test("a path parameter is required, simple and not exploded", () => {
    expect(operation("getDataset").parameters).toEqual([
      { name: "dataset_id", key: "dataset_id", in: "path", required: true, schema: { kind: "string", meta: {} }, style: "simple", explode: false },
    ]);
  });

  test("listCustomModels' status is an optional query array of ModelStatus, form-style and exploded", () => {
    const [scope, status] = operation("listCustomModels").parameters;
    expect(status).toEqual({
      name: "status",
      key: "status",
      in: "query",
      required: false,
      schema: { kind: "array", items: ref("ModelStatus"), meta: {} },
      description:
        "Filter by model status. Applied to owned models only; shared models in the model registry are already " +
        "filtered to available versions. Example: `?status=TRAINING&status=COMPLETED`",
      style: "form",
      explode: true,
    });
    expect(scope).toMatchObject({ name: "scope", in: "query", required: false, schema: ref("ModelsGetParametersScope"), style: "form", explode: true });
  });

  test("params are required exactly when a parameter or body field is", () => {
    expect(model.operations.filter((op) => !op.paramsRequired).map((op) => op.name)).toEqual(["listDatasets", "listCustomModels"]);
  });
});

describe("the Ideogram spec: request bodies", () => {
  test("three operations take JSON, four take no body, the rest multipart; every body is flattened into the params", () => {
    const byKind = (kind: string | undefined) => model.operations.filter((op) => op.bodies[0]?.kind === kind).map((op) => op.name);
    expect(byKind("json")).toEqual(["generateImage", "createDataset", "trainModelV3"]);
    expect(byKind(undefined)).toEqual(["listDatasets", "getDataset", "listCustomModels", "getCustomModel"]);
    expect(byKind("multipart")).toHaveLength(16);
    expect(model.operations.filter((op) => op.bodies[0] && !op.bodies[0].flattened)).toEqual([]);
  });

  test("the legacy generate body is the GenerateImageRequest object, optional as the spec says", () => {
    expect(operation("generateImage").bodies[0]).toEqual({
      kind: "json",
      contentType: "application/json",
      required: false,
      description: "A request to generate an image with Ideogram.",
      schema: ref("GenerateImageRequest"),
      keys: ["image_request"],
      flattened: true,
    });
  });

  test("generateImageV3: primitives and enums are text, color_palette JSON, style_codes repeated text, images repeated files", () => {
    expect(multipartFields("generateImageV3")).toEqual([
      ["prompt", "text", true],
      ["seed", "text", false],
      ["resolution", "text", false],
      ["aspect_ratio", "text", false],
      ["rendering_speed", "text", false],
      ["magic_prompt", "text", false],
      ["negative_prompt", "text", false],
      ["num_images", "text", false],
      ["color_palette", "json", false],
      ["style_codes", "texts", false],
      ["style_type", "text", false],
      ["style_preset", "text", false],
      ["custom_model_uri", "text", false],
      ["style_reference_images", "files", false],
      ["character_reference_images", "files", false],
      ["character_reference_images_mask", "files", false],
    ]);
  });

  test("inpaintImageV3: named Seed, NumImages and StyleCodes schemas encode like their inline forms", () => {
    expect(multipartFields("inpaintImageV3")).toEqual([
      ["image", "file", true],
      ["mask", "file", true],
      ["prompt", "text", true],
      ["magic_prompt", "text", false],
      ["num_images", "text", false],
      ["seed", "text", false],
      ["rendering_speed", "text", false],
      ["style_type", "text", false],
      ["style_preset", "text", false],
      ["color_palette", "json", false],
      ["style_codes", "texts", false],
      ["style_reference_images", "files", false],
      ["character_reference_images", "files", false],
      ["character_reference_images_mask", "files", false],
    ]);
  });

  test("upscaleImage and the legacy remixImage send image_request as JSON text and image_file as a file", () => {
    expect(multipartFields("upscaleImage")).toEqual([
      ["image_request", "json", true],
      ["image_file", "file", true],
    ]);
    expect(multipartFields("remixImage")).toEqual([
      ["image_request", "json", true],
      ["image_file", "file", true],
    ]);
    expect(field("upscaleImage", "image_request")?.schema).toEqual(ref("UpscaleInitialImageRequest"));
  });

  test("editImageV1: images repeat as files, image_urls as text parts, transparent_background is text", () => {
    expect(multipartFields("editImageV1")).toEqual([
      ["prompt", "text", true],
      ["images", "files", false],
      ["image_urls", "texts", false],
      ["num_images", "text", false],
      ["seed", "text", false],
      ["magic_prompt", "text", false],
      ["resolution", "text", false],
      ["aspect_ratio", "text", false],
      ["transparent_background", "text", false],
    ]);
  });

  test("uploadDatasetAssets repeats files; describe sends one file and an enum", () => {
    expect(multipartFields("uploadDatasetAssets")).toEqual([["files", "files", true]]);
    expect(multipartFields("describe")).toEqual([
      ["image_file", "file", true],
      ["describe_model_version", "text", false],
    ]);
  });

  test("the legacy editImage requires its model enum", () => {
    expect(multipartFields("editImage")).toEqual([
      ["image_file", "file", true],
      ["mask", "file", true],
      ["prompt", "text", true],
      ["model", "text", true],
      ["magic_prompt_option", "text", false],
      ["num_images", "text", false],
      ["seed", "text", false],
      ["style_type", "text", false],
    ]);
  });

  test("no multipart field carries a part content type: the spec declares no encoding", () => {
    const declared = model.operations.flatMap((op) => (op.bodies[0]?.kind === "multipart" ? op.bodies[0].fields.filter((f) => "contentType" in f) : []));
    expect(declared).toEqual([]);
  });

  test("a file field is a binary node carrying its description", () => {
    expect(field("upscaleImage", "image_file")?.schema).toEqual({
      kind: "binary",
      meta: { description: "An image binary (max size 10MB); only JPEG, WebP and PNG formats are supported at this time." },
    });
  });
});

describe("the Ideogram spec: responses and error bodies", () => {
  test("generateImageV3 declares 200, 400, 401, 422 and 429, all JSON, with a typed 200 and 422", () => {
    expect(operation("generateImageV3").responses).toEqual([
      { status: "200", description: "Image(s) generated successfully.", kind: "json", contentType: "application/json", schema: ref("ImageGenerationResponseV3") },
      { status: "400", description: "Invalid input provided.", kind: "json", contentType: "application/json", schema: anyType },
      { status: "401", description: "Not authorized to generate an image.", kind: "json", contentType: "application/json", schema: anyType },
      { status: "422", description: "Prompt failed the safety check.", kind: "json", contentType: "application/json", schema: ref("GenerateImageSafetyError") },
      { status: "429", description: "Too many requests.", kind: "json", contentType: "application/json", schema: anyType },
    ]);
  });

  test("describe's 422 is ImageSafetyError; every other 422 is GenerateImageSafetyError", () => {
    const typed422 = model.operations.flatMap((op) =>
      op.responses.filter((r) => r.status === "422").map((r) => [op.name, r.schema?.kind === "ref" ? r.schema.name : r.schema?.kind]),
    );
    expect(typed422.filter(([name]) => name === "describe")).toEqual([["describe", "ImageSafetyError"]]);
    expect(typed422.filter(([name]) => name !== "describe").map(([, schema]) => schema)).toEqual(Array(14).fill("GenerateImageSafetyError"));
  });

  test("editImageV1 also declares 402 and 503", () => {
    expect(operation("editImageV1").responses.map((r) => r.status)).toEqual(["200", "400", "401", "402", "422", "429", "503"]);
  });

  test("model.errorBodies: 422 is the union of both safety errors, every other status is untyped", () => {
    expect(model.errorBodies).toEqual([
      { status: 400, schema: { kind: "unknown", meta: {} } },
      { status: 401, schema: { kind: "unknown", meta: {} } },
      { status: 402, schema: { kind: "unknown", meta: {} } },
      { status: 403, schema: { kind: "unknown", meta: {} } },
      { status: 404, schema: { kind: "unknown", meta: {} } },
      { status: 422, schema: { kind: "union", variants: [ref("GenerateImageSafetyError"), ref("ImageSafetyError")], meta: {} } },
      { status: 429, schema: { kind: "unknown", meta: {} } },
      { status: 503, schema: { kind: "unknown", meta: {} } },
    ]);
  });
});

describe("image links", () => {
  const WITHOUT_IMAGES = ["describe", "listDatasets", "createDataset", "getDataset", "uploadDatasetAssets", "trainModelV3", "listCustomModels", "getCustomModel"];
  test("the Ideogram spec: every result's links to images, with the safety flag beside data[].url", () => {
    expect(model.imageLinks?.fields).toEqual([
      { path: ["data", null, "url"], safeFlag: "is_image_safe" },
      { path: ["base_image_url"] },
      { path: ["original_image_url"] },
    ]);
    expect(model.imageLinks?.results.map((schema) => (schema.kind === "ref" ? schema.name : schema.kind))).toEqual([
      "ImageGenerationResponseV3",
      "RemoveBackgroundResponse",
      "LayerizeTextResponse",
      "V1EditImagesResponse",
      "GenerateImageResponse",
    ]);
    // describe, datasets and models return no image: they are not results downloadImages takes.
    const without = model.operations.map((op) => op.name).filter((name) => !model.imageLinks?.operations.includes(name));
    expect(without).toEqual(WITHOUT_IMAGES);
  });

  test("a URL counts when it, its description or its object speaks of an image; other links and recursion are left alone", async () => {
    const links = (await modelOf(fixture("image-links.yml"))).imageLinks;
    expect(links?.fields).toEqual([
      { path: ["thumbnail", "href"] },
      { path: ["frames", null, "url"], safeFlag: "safe" },
      { path: ["poster_url"] },
    ]);
    expect(links?.operations).toEqual(["createRender", "getPoster"]);
  });

  test("a spec without image results has none", async () => {
    expect((await modelOf(fixture("json-body.yml"))).imageLinks).toBeUndefined();
  });
});

describe("the Ideogram spec: schemas", () => {
  const ENUMS: [string, number][] = [
    ["ResolutionV3", 69],
    ["AspectRatioV3", 15],
    ["RenderingSpeed", 4],
    ["MagicPromptOption", 3],
    ["ColorPalettePresetName", 8],
    ["StyleTypeV3", 5],
    ["StylePresetV3", 62],
    ["UpscaleFactor", 3],
    ["TransparentRenderingSpeed", 3],
    ["StyleType", 7],
    ["DescribeModelVersion", 2],
    ["AspectRatio", 11],
    ["ModelEnum", 7],
    ["Resolution", 78],
    ["AssetType", 5],
    ["DatasetAssetFailureReason", 7],
    ["ModelsGetParametersScope", 2],
    ["ModelStatus", 6],
  ];

  test("keeps all 57 component schemas under their spec names, in spec order, but for the one the config renames", () => {
    expect(model.schemas).toHaveLength(57);
    expect(model.schemas.filter((s) => s.name !== s.sourceName).map((s) => [s.sourceName, s.name])).toEqual(Object.entries(IDEOGRAM_CONFIG.types));
    expect(model.schemas.slice(0, 3).map((s) => s.name)).toEqual(["ResolutionV3", "AspectRatioV3", "RenderingSpeed"]);
  });

  test("has 18 named enums, each with one member per value", () => {
    const enums = model.schemas.filter((s) => s.schema.kind === "enum");
    expect(enums.map((s) => [s.name, s.enumMembers?.length])).toEqual(ENUMS);
    for (const named of enums) {
      expect(named.enumMembers?.map((m) => m.value)).toEqual(named.schema.kind === "enum" ? named.schema.values : []);
    }
  });

  test("enum member keys: digits get a leading underscore, ON/OFF stay", () => {
    const keys = (name: string) => schemaNamed(model, name).enumMembers!.map((m) => m.key);
    expect(keys("ResolutionV3").slice(0, 2)).toEqual(["_512x1536", "_576x1408"]);
    expect(keys("StylePresetV3").slice(0, 3)).toEqual(["_80S_ILLUSTRATION", "_90S_NOSTALGIA", "ABSTRACT_ORGANIC"]);
    expect(keys("StylePresetV3")).toContain("SPOTLIGHT_80S");
    expect(keys("AspectRatioV3").slice(0, 2)).toEqual(["_1x3", "_3x1"]);
    expect(schemaNamed(model, "MagicPromptOption").enumMembers).toEqual([
      { key: "AUTO", value: "AUTO" },
      { key: "ON", value: "ON" },
      { key: "OFF", value: "OFF" },
    ]);
  });

  test("ColorPaletteWithPresetNameOrMembers is a union of its two object refs", () => {
    expect(schemaNamed(model, "ColorPaletteWithPresetNameOrMembers").schema).toEqual({
      kind: "union",
      variants: [ref("ColorPaletteWithPresetName"), ref("ColorPaletteWithMembers")],
      meta: {
        description:
          "A color palette for generation, must EITHER be specified via one of the presets (name) or explicitly via " +
          "hexadecimal representations of the color with optional weights (members). Not supported by V_1, V_1_TURBO, V_2A " +
          "and V_2A_TURBO models.",
      },
    });
  });

  test("3.1 `type: [string, 'null']` is a nullable string; other properties are not nullable", () => {
    expect(property("ImageGenerationObjectV3", "url")).toEqual({
      name: "url",
      required: false,
      schema: { kind: "string", format: "uri", meta: { description: "The direct link to the image generated.", nullable: true } },
    });
    expect(property("DatasetFile", "file_size_bytes").schema).toEqual({
      kind: "number",
      integer: true,
      meta: { description: "Size of the file in bytes, if available.", nullable: true },
    });
    expect(property("DatasetFile", "file_name").required).toBe(true);
    expect(property("ImageGenerationObjectV3", "prompt").schema.meta.nullable).toBeUndefined();
  });

  test("keeps defaults as the spec writes them", () => {
    expect(field("generateImageV3", "num_images")?.schema).toEqual({
      kind: "number",
      integer: true,
      meta: { description: "Number of images to generate.", default: 1 },
    });
    expect(schemaNamed(model, "RenderingSpeed").schema.meta).toEqual({ description: "The rendering speed to use.", default: "DEFAULT" });
    expect(field("editImageV1", "transparent_background")?.schema.meta.default).toBe(false);
    expect(field("remixImageV3", "image_weight")?.schema.meta.default).toBe(50);
    expect(schemaNamed(model, "NumImages").schema).toEqual({
      kind: "number",
      integer: true,
      meta: { description: "The number of images to generate.", default: 1 },
    });
  });

  test("keeps summaries and descriptions, trimmed, with their paragraph breaks", () => {
    expect(operation("generateImageV3")).toMatchObject({
      summary: "Generate with Ideogram 3.0",
      description:
        "Generates images synchronously based on a given prompt and optional parameters using the Ideogram 3.0 model.\n\n" +
        "Images links are available for a limited period of time; if you would like to keep the image, you must download it.",
    });
    expect(operation("describe").description).toBe("Describe an image.\n\nSupported image formats include JPEG, PNG, and WebP.");
    expect(operation("describe").bodies[0]?.description).toBeUndefined();
    expect(operation("generateImageV3").bodies[0]?.description).toBe("A request to generate an image with Ideogram 3.0.");
    expect(field("generateImageV3", "prompt")?.schema.meta.description).toBe("The prompt to use to generate the image.");
  });

  test("marks where each named schema is used: requests, multipart uploads, responses", () => {
    const usage = (name: string) => schemaNamed(model, name).usage;
    expect(usage("ResolutionV3")).toEqual({ request: true, response: true, upload: true });
    expect(usage("ModelStatus")).toEqual({ request: true, response: true, upload: false });
    expect(usage("AspectRatioV3")).toEqual({ request: true, response: false, upload: true });
    expect(usage("StyleCode")).toEqual({ request: true, response: false, upload: true });
    expect(usage("ImageRequest")).toEqual({ request: true, response: false, upload: false });
    expect(usage("InitialImageRequest")).toEqual({ request: true, response: false, upload: true });
    expect(usage("ImageGenerationResponseV3")).toEqual({ request: false, response: true, upload: false });
    expect(usage("AssetType")).toEqual({ request: false, response: true, upload: false });
    expect(usage("GenerateImageSafetyError")).toEqual({ request: false, response: true, upload: false });
    expect(model.schemas.filter((s) => !s.usage.request && !s.usage.response)).toEqual([]);
  });
});

describe("the Ideogram spec: deprecation", () => {
  test("the five operations whose summary says legacy are deprecated, and only they", () => {
    expect(model.operations.filter((op) => op.deprecation).map((op) => op.name)).toEqual([
      "generateImage",
      "editImageV3",
      "editImage",
      "remixImage",
      "reframeImage",
    ]);
  });

  test("editImageV3 points to its replacement, inpaintImageV3 (POST /v1/ideogram-v3/inpaint)", () => {
    expect(operation("editImageV3").deprecation).toEqual({
      reason: "The API lists this operation as legacy.",
      replacement: { resource: "generate", method: "inpaintImageV3", path: "/v1/ideogram-v3/inpaint", httpMethod: "POST" },
    });
  });

  test("a legacy operation whose description names no route has no replacement", () => {
    expect(operation("generateImage").deprecation).toEqual({ reason: "The API lists this operation as legacy." });
  });
});

describe("feature fixtures", () => {
  const fixtureModel = (name: string) => modelOf(fixture(name));

  test("multipart-encoding: every wire rule of DESIGN §3, an explicit encoding and a 3.1 contentMediaType file", async () => {
    const body = operationNamed(await fixtureModel("multipart-encoding.yml"), "createUpload").bodies[0];
    expect(body?.kind).toBe("multipart");
    expect(body?.kind === "multipart" && body.fields.map((f) => [f.name, f.encoding, f.contentType])).toEqual([
      ["title", "text", undefined],
      ["count", "text", undefined],
      ["ratio", "text", undefined],
      ["public", "text", undefined],
      ["mode", "text", undefined],
      ["document", "file", undefined],
      ["attachments", "files", undefined],
      ["labels", "texts", undefined],
      ["settings", "json", undefined],
      ["palette", "json", undefined],
      ["metadata", "json", "application/json"],
      ["thumbnail", "file", undefined],
    ]);
  });

  test("nullable-31: a `type: 'null'` branch of oneOf/anyOf is null, not unknown", async () => {
    const image = schemaNamed(await fixtureModel("nullable-31.yml"), "Image").schema;
    const owner = image.kind === "object" ? image.properties.find((p) => p.name === "owner")?.schema : undefined;
    expect(owner).toEqual({ kind: "union", variants: [ref("Owner"), { kind: "null", meta: {} }], meta: {} });
  });

  test("enums: x-enum-varnames name numeric members; a null value makes the enum nullable", async () => {
    const enums = await fixtureModel("enums.yml");
    expect(schemaNamed(enums, "Priority").enumMembers).toEqual([
      { key: "Low", value: 1 },
      { key: "Medium", value: 2 },
      { key: "High", value: 3 },
    ]);
    expect(schemaNamed(enums, "StatusCode").enumMembers?.map((m) => m.key)).toEqual(["minus_1", "_0", "_200"]);
    expect(schemaNamed(enums, "Color").schema).toEqual({ kind: "enum", values: ["red", "green"], meta: { nullable: true } });
    expect(schemaNamed(enums, "Preset").enumMembers?.map((m) => m.key)).toEqual([
      "_80S_ILLUSTRATION", "ON", "OFF", "with_space", "a_b", "a_b2", "_empty", "class",
    ]);
  });

  test("auth-bearer: bearer credentials, sent except where `security: []` opts out", async () => {
    const bearer = await fixtureModel("auth-bearer.yml");
    expect(bearer.auth).toEqual([{ kind: "bearer", schemeName: "bearerAuth", options: ["bearerToken"] }]);
    expect(bearer.operations.map((op) => [op.name, op.security])).toEqual([
      ["getMe", [["bearerAuth"]]],
      ["getHealth", []],
    ]);
  });

  test("auth-alternatives: every supported scheme with its options; requirements as alternatives in spec order", async () => {
    const spec = await loadSpec(fixture("auth-alternatives.yml"));
    const model = buildModel(spec);
    expect(model.auth.map((s) => [s.schemeName, s.kind, s.options])).toEqual([
      ["ApiKey", "apiKey", ["apiKey"]],
      ["Bearer", "bearer", ["bearerToken"]],
      ["AppId", "apiKey", ["appId"]],
      ["Session", "apiKey", ["session"]],
      ["Basic", "basic", ["username", "password"]],
    ]);
    expect(model.operations.map((op) => [op.name, op.security])).toEqual([
      ["generate", [["ApiKey"], ["Bearer"]]],
      ["listExports", [["AppId", "Session"]]],
      ["getAdmin", [["Basic"], ["ApiKey"]]],
      ["getStatus", [[], ["Bearer"]]],
    ]);
    expect(spec.warnings.list.map((w) => w.pointer)).toEqual(["/components/securitySchemes/Digest"]);
  });

  test("auth-api-key-query: the key parameter is lifted out, and a method may share its resource's name", async () => {
    const queryKey = await fixtureModel("auth-api-key-query.yml");
    expect(queryKey.auth).toEqual([{ kind: "apiKey", in: "query", name: "api_key", schemeName: "queryKey", options: ["apiKey"] }]);
    const search = operationNamed(queryKey, "search");
    expect([search.resource, search.security, search.parameters.map((p) => p.name)]).toEqual(["search", [["queryKey"]], ["q"]]);
  });

  test("untagged-operations: untagged operations sit on the client and avoid its own members", async () => {
    const untagged = await fixtureModel("untagged-operations.yml");
    expect(untagged.operations.map((op) => [op.name, op.resource, op.operationId])).toEqual([
      ["ping", undefined, "ping"],
      ["request2", undefined, "request"],
      ["getThings", "things", "GET /things"],
    ]);
  });

  test("deprecation: `deprecated: true` gives no reason; a legacy summary links the route its description names", async () => {
    const deprecated = await fixtureModel("deprecation.yml");
    expect(deprecated.operations.map((op) => [op.name, op.deprecation])).toEqual([
      ["renderV2", undefined],
      [
        "render",
        {
          reason: "The API lists this operation as legacy.",
          replacement: { resource: "renders", method: "renderV2", path: "/v2/renders", httpMethod: "POST" },
        },
      ],
      ["retrieveRender", {}],
    ]);
    expect(operationNamed(deprecated, "retrieveRender").parameters[1]).toMatchObject({ name: "verbose", deprecated: true });
  });

  test("path-params: path-level parameters come first, and a header parameter other than the credential stays", async () => {
    const paths = await fixtureModel("path-params.yml");
    expect(operationNamed(paths, "getProjectFile").parameters.map((p) => [p.key, p.in, p.required, p.style, p.explode])).toEqual([
      ["project_id", "path", true, "simple", false],
      ["file-name", "path", true, "simple", false],
      ["X-Request-Id", "header", false, "simple", false],
    ]);
    expect(operationNamed(paths, "getVersion").parameters[0]?.schema).toEqual({ kind: "number", integer: true, meta: {} });
  });

  test("query-arrays: form/explode by default; explode: false and pipeDelimited as declared", async () => {
    const query = await fixtureModel("query-arrays.yml");
    expect(operationNamed(query, "listItems").parameters.map((p) => [p.name, p.style, p.explode, p.required])).toEqual([
      ["status", "form", true, false],
      ["ids", "form", false, false],
      ["tags", "pipeDelimited", false, false],
      ["limit", "form", true, true],
    ]);
  });

  test("json-body: a body whose property shares a parameter's name, or that is not an object, travels under `body`", async () => {
    const json = await fixtureModel("json-body.yml");
    expect(json.operations.map((op) => [op.name, op.bodies[0]?.flattened, op.bodies[0]?.required])).toEqual([
      ["createNote", true, true],
      ["replaceNote", false, true],
      ["createNotes", false, false],
    ]);
  });

  test("binary-body: an octet-stream or schemaless image body is one binary under `body`", async () => {
    const binary = await fixtureModel("binary-body.yml");
    expect(binary.operations.map((op) => op.bodies[0] && [op.bodies[0].kind, op.bodies[0].contentType, op.bodies[0].schema.kind, op.bodies[0].flattened])).toEqual([
      ["binary", "application/octet-stream", "binary", false],
      ["binary", "image/png", "binary", false],
    ]);
  });

  test("multipart-part-encoding: contentType lists, fixed part headers and form styles; unsafe entries dropped with warnings", async () => {
    const spec = await loadSpec(fixture("multipart-part-encoding.yml"));
    const body = operationNamed(buildModel(spec), "remixImage").bodies[0];
    if (body?.kind !== "multipart") throw new Error("remixImage has no multipart body");
    expect(body.fields.map(({ name, encoding, contentType, headers, style }) => ({ name, encoding, contentType, headers, style }))).toEqual([
      { name: "image", encoding: "file", contentType: "image/png, image/jpeg", headers: [["X-Asset-Role", "source"]] },
      { name: "color_palette", encoding: "json", contentType: "application/json" },
      { name: "caption", encoding: "text", contentType: "text/plain; charset=utf-8", headers: [["X-Caption-Language", "en"]] },
      { name: "size", encoding: "styled", style: { style: "form", explode: true } },
      { name: "filters", encoding: "styled", style: { style: "deepObject", explode: true } },
      { name: "style_codes", encoding: "styled", style: { style: "form", explode: false } },
      { name: "seeds", encoding: "styled", style: { style: "pipeDelimited", explode: false } },
      { name: "spoofed", encoding: "text" },
      { name: "quoted", encoding: "text" },
    ]);
    const at = "/paths/~1remix/post/requestBody/content/multipart~1form-data/encoding";
    expect(spec.warnings.list.map((w) => w.pointer)).toEqual([
      `${at}/image/headers/Content-Type`,
      `${at}/caption/headers/X-Unset`,
      `${at}/spoofed/contentType`,
      `${at}/spoofed/headers/X-Bad\r\nName`,
      `${at}/quoted/contentType`,
      `${at}/quoted/headers/X-Quoted`,
    ]);
  });

  test("server-relative: a relative or empty server URL resolves against the spec's URL, variables kept", async () => {
    const loaded = await loadSpec(fixture("server-relative.yml"));
    const read = (url: string, specUrl?: string) => {
      loaded.document.servers = [{ url, variables: { version: { default: "v2" } } }];
      return buildModel({ ...loaded, ...(specUrl ? { url: specUrl } : {}) }).servers.map((s) => [s.url, s.absolute]);
    };
    expect(read("/v1")).toEqual([["/v1", false]]);
    expect(read("/v1", "https://api.example.test/specs/openapi.json")).toEqual([["https://api.example.test/v1", true]]);
    expect(read("", "https://api.example.test/openapi.json")).toEqual([["https://api.example.test", true]]);
    expect(read("", "https://api.example.test/api/openapi.json")).toEqual([["https://api.example.test/api", true]]);
    expect(read("/{version}/x", "https://api.example.test/openapi.json")).toEqual([["https://api.example.test/{version}/x", true]]);
    expect(read("https://other.example.test/v2", "https://api.example.test/openapi.json")).toEqual([["https://other.example.test/v2", true]]);
  });

  test("server-variables: each variable with its default, enum and description; one without a default drops its server", async () => {
    const loaded = await loadSpec(fixture("server-variables.yml"));
    expect(buildModel(loaded).servers).toEqual([
      {
        url: "http://{host}:{port}/{basePath}",
        absolute: true,
        variables: [
          { name: "host", default: "127.0.0.1" },
          { name: "port", default: "8080", description: "The port the API listens on." },
          { name: "basePath", default: "v1", enum: ["v1", "v2"] },
        ],
      },
    ]);
    loaded.document.servers = [{ url: "https://{tenant}.example.test" }, { url: "https://api.example.test" }];
    expect(buildModel(loaded).servers.map((s) => s.url)).toEqual(["https://api.example.test"]);
    expect(loaded.warnings.list.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      "/servers/0/variables/tenant: server variable {tenant} has no default; this server is left out",
    ]);
  });

  test("server-framework-exports: nullable beside allOf, anyOf with null, `files[]`, title-only schemas", async () => {
    const model = await fixtureModel("server-framework-exports.yml");
    const body = operationNamed(model, "uploadFiles").bodies[0];
    if (body?.kind !== "multipart") throw new Error("uploadFiles has no multipart body");
    expect(body.fields.map((f) => [f.name, f.encoding, f.schema.kind, f.schema.meta.nullable ?? false])).toEqual([
      ["files[]", "files", "array", false],
      ["caption", "text", "union", false],
      ["mask", "file", "union", false],
      ["extra", "any", "unknown", false],
      ["palette", "json", "ref", true],
    ]);
    const result = schemaNamed(model, "UploadResult").schema;
    if (result.kind !== "object") throw new Error("UploadResult is not an object");
    expect(result.properties.map((p) => [p.name, p.schema.kind, p.schema.meta.nullable ?? false])).toEqual([
      ["id", "string", false],
      ["palette", "ref", true],
      ["note", "union", false],
      ["meta", "unknown", false],
    ]);
  });

  test("request-content-types: one body per kind, JSON first, each with a params type of its own", async () => {
    const model = await fixtureModel("request-content-types.yml");
    expect(model.operations.map((op) => [op.name, op.bodies.map((b) => [b.kind, b.contentType, b.paramsTypeName, b.keys])])).toEqual([
      ["generateImage", [
        ["json", "application/json", "GenerateImageJsonParams", ["prompt", "style_codes", "color_palette"]],
        ["multipart", "multipart/form-data", "GenerateImageMultipartParams", ["prompt", "style_codes", "color_palette", "style_reference_images"]],
      ]],
      ["createToken", [
        ["json", "application/json", "CreateTokenJsonParams", ["grant_type", "scope"]],
        ["form", "application/x-www-form-urlencoded", "CreateTokenFormParams", ["grant_type", "scope", "client_secret"]],
      ]],
      ["replaceImage", [
        ["multipart", "multipart/form-data", "ReplaceImageMultipartParams", ["image", "caption"]],
        ["binary", "application/octet-stream", "ReplaceImageBinaryParams", ["body"]],
      ]],
    ]);
    expect(model.operations.map((op) => op.paramsRequired)).toEqual([true, true, true]);
  });

  test("request-content-types: `bodies` pins one kind; a kind or operationId the spec lacks is an error", async () => {
    const spec = fixture("request-content-types.yml");
    const pinned = await modelOf(spec, { bodies: { "generate-image": "multipart" } });
    const generate = operationNamed(pinned, "generateImage");
    expect(generate.bodies.map((b) => [b.kind, b.paramsTypeName])).toEqual([["multipart", undefined]]);
    await expect(modelOf(spec, { bodies: { "create-token": "multipart" } })).rejects.toThrow(
      'test/fixtures/request-content-types.yml#/paths/~1tokens/post/requestBody: the configuration\'s `bodies` pins "multipart" for create-token, which accepts json, form',
    );
    await expect(modelOf(spec, { bodies: { "generate-images": "json" } })).rejects.toThrow(
      'the configuration\'s `bodies` names operationId "generate-images", which no operation has',
    );
  });

  test("responses: empty, text, binary and JSON bodies; error bodies per 4xx/5xx status", async () => {
    const responses = await fixtureModel("responses.yml");
    expect(responses.operations.map((op) => op.responses.map((r) => `${r.status}:${r.kind}`))).toEqual([
      ["201:json", "404:json", "422:json", "default:json"],
      ["204:empty", "404:json"],
      ["200:text", "503:text"],
      ["200:binary"],
    ]);
    expect(responses.errorBodies).toEqual([
      { status: 404, schema: ref("NotFound") },
      { status: 422, schema: ref("ValidationError") },
      { status: 503, schema: { kind: "unknown", meta: {} } },
    ]);
  });
});

describe("validation keywords, kept for the docs", () => {
  test("3.1's numeric exclusive bounds and every other keyword are kept as written", async () => {
    const docs = await modelOf(fixture("property-docs.yml"));
    expect(schemaNamed(docs, "Count").schema.meta.constraints).toEqual({ minimum: 1, maximum: 8 });
    expect(schemaNamed(docs, "Code").schema.meta.constraints).toEqual({ minLength: 8, maxLength: 8, pattern: "^[0-9A-F]*/`x`$" });
    expect(schemaNamed(docs, "Tags").schema.meta.constraints).toEqual({ minItems: 1, maxItems: 3, uniqueItems: true });
    const body = operationNamed(docs, "createRender").bodies[0]!.schema;
    if (body.kind !== "object") throw new Error("the body is an object");
    expect(body.properties.find((p) => p.name === "ratio")!.schema.meta.constraints).toEqual({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      multipleOf: 0.25,
    });
  });

  test("3.0's boolean exclusive flags turn their bound exclusive; a bound that is not a finite number is dropped", async () => {
    const docs = await modelOf(fixture("ir", "constraints-30.yml"));
    expect(schemaNamed(docs, "Ratio").schema.meta.constraints).toEqual({ exclusiveMinimum: 0, maximum: 1 });
    expect(schemaNamed(docs, "Size").schema.meta.constraints).toEqual({ exclusiveMaximum: 10 });
    expect(schemaNamed(docs, "Code").schema.meta.constraints).toEqual({ minLength: 2, pattern: "^[a-z]+$" });
  });
});

describe("descriptions as the generated docs show them", () => {
  const text = "Use [`POST /v1/ideogram-v3/inpaint`](/api-reference/api-reference/inpaint-v3) instead.";

  test("a relative link becomes absolute against docsUrl; absolute links, anchors and mailto stay", () => {
    const describe = describer("https://developer.ideogram.ai");
    expect(describe(`  ${text}\n`)).toBe("Use [`POST /v1/ideogram-v3/inpaint`](https://developer.ideogram.ai/api-reference/api-reference/inpaint-v3) instead.");
    expect(describer("https://docs.example.com/v2")("see [guide](guide.md \"The guide\") and ![logo](img/logo.png)")).toBe(
      'see [guide](https://docs.example.com/v2/guide.md "The guide") and ![logo](https://docs.example.com/v2/img/logo.png)',
    );
    const kept = "[site](https://example.com/a), [top](#top), [mail](mailto:a@example.com)";
    expect(describe(kept)).toBe(kept);
  });

  test("without docsUrl a relative link is its text; an empty or non-string description is none", () => {
    expect(describer(undefined)(text)).toBe("Use `POST /v1/ideogram-v3/inpaint` instead.");
    expect(describer(undefined)("  ")).toBeUndefined();
    expect(describer(undefined)(42)).toBeUndefined();
  });

  test("the Ideogram config's docsUrl reaches the legacy editImageV3's pointer to its replacement", () => {
    expect(operation("editImageV3").description).toContain("(https://developer.ideogram.ai/api-reference/api-reference/inpaint-v3)");
  });
});

describe("the configuration's `types` renames schemas", () => {
  const LONG = "V1IdeogramV3GenerateTransparentPostRequestBodyContentMultipartFormDataSchemaRenderingSpeed";

  test("the Ideogram config gives the 90-character schema name a short one, and every use follows it", () => {
    expect(schemaNamed(model, "TransparentRenderingSpeed").sourceName).toBe(LONG);
    expect(model.schemas.some((s) => s.name === LONG)).toBe(false);
    const body = operation("generateImageV3Transparent").bodies[0];
    if (body?.kind !== "multipart") throw new Error("a multipart body");
    expect(body.fields.find((f) => f.name === "rendering_speed")!.schema).toMatchObject({ kind: "ref", name: "TransparentRenderingSpeed" });
  });

  test("a chosen name wins over a derived one, which then gives way", async () => {
    const renamed = await modelOf(IDEOGRAM_SPEC, { types: { Seed: "Resolution" } });
    expect(schemaNamed(renamed, "Resolution").sourceName).toBe("Seed");
    expect(schemaNamed(renamed, "Resolution2").sourceName).toBe("Resolution");
  });

  test.each([
    [{ NoSuchSchema: "Other" }, '/types/NoSuchSchema: the spec has no schema "NoSuchSchema" in components/schemas'],
    [{ Seed: "seed" }, '/types/Seed: "seed" is not a PascalCase type name the client can declare'],
    [{ Seed: "Promise" }, '/types/Seed: "Promise" is not a PascalCase type name the client can declare'],
    [{ Seed: "Same", NumImages: "Same" }, '/types/NumImages: "Same" is taken: the generated code or another entry of `types` uses it'],
  ])("%j is a configuration error with its pointer", async (types, message) => {
    const error = await modelOf(IDEOGRAM_SPEC, { types, reservedTypeNames: ["ApiError"] }).catch((e: unknown) => e);
    expect(String(error)).toContain(message);
  });

  test("a name the runtime defines is taken", async () => {
    const error = await modelOf(IDEOGRAM_SPEC, { types: { Seed: "ApiError" }, reservedTypeNames: ["ApiError"] }).catch((e: unknown) => e);
    expect(String(error)).toContain('/types/Seed: "ApiError" is taken');
  });
});

describe("inline enums are named after their owner and property", () => {
  let inline: ApiModel;
  beforeAll(async () => {
    inline = await modelOf(fixture("inline-enums.yml"));
  });
  const paramSchema = (op: string, key: string) => operationNamed(inline, op).parameters.find((p) => p.key === key)!.schema;
  const members = (name: string) => schemaNamed(inline, name).enumMembers?.map((m) => [m.key, m.value]);

  test("an operation's parameters: the enum itself, an array's items and an enum beside null are named; one value stays a literal", () => {
    expect(paramSchema("listThings", "order")).toEqual(ref("ListThingsOrder"));
    expect(schemaNamed(inline, "ListThingsOrder")).toMatchObject({
      schema: { kind: "enum", values: ["asc", "desc"], meta: { default: "asc" } },
      inline: { at: "parameter", owner: "listThings", key: "order" },
      usage: { request: true, response: false },
    });
    expect(paramSchema("listThings", "fields")).toEqual({ kind: "array", items: ref("ListThingsFields"), meta: {} });
    expect(paramSchema("listThings", "kind")).toEqual({ kind: "union", variants: [ref("ListThingsKind"), { kind: "null", meta: {} }], meta: {} });
    expect(paramSchema("listThings", "version")).toEqual({ kind: "enum", values: ["v2"], meta: {} });
  });

  test("a component's property is named after the component, and a multipart field of that component takes the same name", () => {
    const input = schemaNamed(inline, "ThingInput").schema;
    expect(input.kind === "object" && input.properties[0]!.schema).toEqual(ref("ThingInputSize"));
    const multipart = operationNamed(inline, "createThing").bodies.find((b) => b.kind === "multipart");
    expect(multipart?.kind === "multipart" && multipart.fields.find((f) => f.name === "size")!.schema).toEqual(ref("ThingInputSize"));
    expect(members("ThingInputSize")).toEqual([["s", "s"], ["m", "m"], ["l", "l"]]);
    // readOnly is the property's: a request may leave it out, whatever the type says.
    expect(input.kind === "object" && input.properties[1]!.schema).toEqual({ kind: "ref", name: "ThingInputStatus", meta: { readOnly: true } });
  });

  test("a component keeps its name; x-enum-varnames name members past a null; the use keeps its deprecation, the type its nullability", () => {
    expect(schemaNamed(inline, "UpdateThingPriority").inline).toBeUndefined();
    expect(members("UpdateThingPriority2")).toEqual([["Low", 1], ["Medium", 2], ["High", 3]]);
    expect(members("UpdateThingTone")).toEqual([["Warm", "warm"], ["Cool", "cool"]]);
    const body = operationNamed(inline, "updateThing").bodies[0]!;
    const shade = body.schema.kind === "object" ? body.schema.properties.find((p) => p.name === "shade")!.schema : undefined;
    expect(shade).toEqual({ kind: "ref", name: "UpdateThingShade", meta: { deprecated: true } });
    expect(schemaNamed(inline, "UpdateThingShade").schema.meta).toEqual({ nullable: true });
  });

  test("an inline response body keeps its enums inline; each named enum follows the component, or the first operation, it was found in", async () => {
    const body = operationNamed(inline, "listThings").responses[0]!.schema!;
    expect(body.kind === "object" && body.properties[0]!.schema).toEqual({ kind: "enum", values: ["open", "closed"], meta: {} });
    expect(inline.schemas.map((s) => s.name)).toEqual([
      "UpdateThingPriority", "ThingInput", "ThingInputSize", "ThingInputStatus",
      "ListThingsOrder", "ListThingsFields", "ListThingsKind", "Direction",
      "SearchThingsOrder", "SearchThingsBodyOrder",
      "UpdateThingPriority2", "UpdateThingShade", "UpdateThingTone",
    ]);
  });

  test("a parameter shared through components/parameters is one type named after its entry; a body under `body` names its enums apart", () => {
    expect(paramSchema("listThings", "direction")).toEqual(ref("Direction"));
    expect(paramSchema("searchThings", "direction")).toEqual(ref("Direction"));
    expect(schemaNamed(inline, "Direction").inline).toEqual({ at: "shared parameter", owner: "direction", key: "direction" });
    const search = operationNamed(inline, "searchThings");
    expect(paramSchema("searchThings", "order")).toEqual(ref("SearchThingsOrder"));
    expect(search.bodies[0]!.flattened).toBe(false);
    const body = search.bodies[0]!.schema;
    expect(body.kind === "object" && body.properties[0]!.schema).toEqual(ref("SearchThingsBodyOrder"));
    expect(schemaNamed(inline, "SearchThingsBodyOrder")).toMatchObject({ inline: { at: "body", owner: "searchThings", key: "order" }, schema: { values: ["relevance", "recent"] } });
  });

  test("one body offered as JSON and as a form names its enum once", async () => {
    const tokens = await modelOf(fixture("request-content-types.yml"));
    expect(tokens.schemas.filter((s) => s.name.startsWith("CreateTokenGrantType")).map((s) => s.name)).toEqual(["CreateTokenGrantType"]);
    for (const body of operationNamed(tokens, "createToken").bodies) {
      expect(body.schema.kind === "object" && body.schema.properties.find((p) => p.name === "grant_type")!.schema).toEqual(ref("CreateTokenGrantType"));
    }
  });
});
