"use strict";
// Builds an Ideogram-like OpenAPI 3.1 document with `operations` operations: half multipart
// uploads, half JSON calls, over shared component schemas and inline ones. Deterministic.
// `fields` adds that many documented properties to every request and item schema: the size of
// the document grows with it (10,000 operations with 22 fields: about 47 MB).

const ENUMS = {
  AspectRatio: ["1x1", "16x9", "9x16", "4x3", "3x4"],
  Speed: ["FLASH", "TURBO", "DEFAULT", "QUALITY"],
  Style: ["AUTO", "GENERAL", "REALISTIC", "DESIGN", "FICTION"],
};

/** `count` documented string properties for operation `i`, each with a description, an example and limits. */
function extraFields(i, count) {
  return Object.fromEntries(
    Array.from({ length: count }, (_, f) => [
      `field_${f}`,
      { type: "string", description: `Field ${f} of operation ${i}: a documented value that the call passes through unchanged.`, example: `value-${i}-${f}`, maxLength: 200 },
    ]),
  );
}

function syntheticSpec(operations, { fields = 0 } = {}) {
  const schemas = {
    ...Object.fromEntries(Object.entries(ENUMS).map(([name, values]) => [name, { type: "string", enum: values }])),
    Palette: {
      oneOf: [
        { type: "object", required: ["name"], properties: { name: { type: "string" } } },
        { type: "object", required: ["members"], properties: { members: { type: "array", items: { type: "string" } } } },
      ],
    },
    Image: {
      type: "object",
      required: ["url", "seed"],
      properties: { url: { type: ["string", "null"] }, seed: { type: "integer" }, style: { $ref: "#/components/schemas/Style" } },
    },
    Result: { type: "object", required: ["data"], properties: { data: { type: "array", items: { $ref: "#/components/schemas/Image" } } } },
    Problem: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
  };
  const paths = {};
  for (let i = 0; i < operations; i++) {
    const group = `group${i % 10}`;
    const responses = {
      200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Result" } } } },
      422: { description: "unsafe", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    };
    if (i % 2 === 0) {
      paths[`/v1/${group}/generate-${i}`] = {
        post: {
          operationId: `post-generate-item-${i}`,
          summary: `Generate item ${i}`,
          tags: [group],
          parameters: [{ name: "Api-Key", in: "header", required: true, schema: { type: "string" } }],
          requestBody: {
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["prompt"],
                  properties: {
                    prompt: { type: "string", description: `The prompt for item ${i}.` },
                    seed: { type: "integer" },
                    aspect_ratio: { $ref: "#/components/schemas/AspectRatio" },
                    rendering_speed: { $ref: "#/components/schemas/Speed" },
                    color_palette: { $ref: "#/components/schemas/Palette" },
                    style_codes: { type: "array", items: { type: "string" } },
                    image: { type: "string", format: "binary" },
                    style_reference_images: { type: "array", items: { type: "string", format: "binary" } },
                    ...extraFields(i, fields),
                  },
                },
              },
            },
          },
          responses,
        },
      };
    } else {
      schemas[`Item${i}`] = {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          status: { type: "string", enum: ["DRAFT", "READY", `STATE_${i}`] },
          tags: { type: "array", items: { type: "string" } },
          ...extraFields(i, fields),
        },
      };
      paths[`/v1/${group}/items/{item_id}`] = paths[`/v1/${group}/items/{item_id}`] ?? {};
      paths[`/v1/${group}/items-${i}/{item_id}`] = {
        get: {
          operationId: `get-item-${i}`,
          tags: [group],
          parameters: [
            { name: "item_id", in: "path", required: true, schema: { type: "string" } },
            { name: "status", in: "query", schema: { type: "array", items: { type: "string", enum: ["DRAFT", "READY"] } } },
            { name: "Api-Key", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: `#/components/schemas/Item${i}` } } } } },
        },
      };
    }
  }
  for (const key of Object.keys(paths)) if (Object.keys(paths[key]).length === 0) delete paths[key];
  return {
    openapi: "3.1.0",
    info: { title: `Synthetic ${operations}`, version: "1.0.0" },
    servers: [{ url: "https://api.example.test" }],
    paths,
    components: { schemas, securitySchemes: { ApiKeyAuth: { type: "apiKey", in: "header", name: "Api-Key" } } },
  };
}

module.exports = { syntheticSpec };
