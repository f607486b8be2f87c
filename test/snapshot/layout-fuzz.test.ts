import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { generate } from "../../src/generate";
import { writeReadmeModules } from "../support/readme-blocks.js";
import { typeCheckFolder, writeGenerated } from "../support/typescript";

/**
 * The emitters print prettier's layout without running prettier. The fixtures and the corpus hold
 * them to it on specs people wrote; these seeded random specs push the widths: names and enum
 * values of every length, unions long enough to break, nesting, intersections, nullable objects,
 * long paths and many parameters, so a line lands on either side of 120 columns.
 */
const SPECS = 24;

function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const word = (min = 1, max = 24) => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    return Array.from({ length: int(min, max) }, (_, i) =>
      i === 0 ? letters[int(0, 25)] : pick([...letters, "_", "-"]),
    ).join("");
  };
  return { next, int, pick, word };
}

type Rng = ReturnType<typeof random>;

function schema(rng: Rng, names: string[], depth: number): Record<string, unknown> {
  const kinds = [
    "string",
    "integer",
    "enum",
    "array",
    "ref",
    "nullable-enum",
    ...(depth < 3 ? ["object", "oneOf", "allOf", "map"] : []),
  ];
  switch (rng.pick(kinds)) {
    case "string":
      return {
        type: "string",
        ...(rng.next() < 0.3 ? { description: `${rng.word(5, 60)} ${rng.word(5, 80)}` } : {}),
        // README examples use a spec's example when it fits: long ones break after their key.
        ...(rng.next() < 0.3 ? { example: `${rng.word(1, 60)} ${rng.word(1, 60)}` } : {}),
      };
    case "integer":
      return {
        type: "integer",
        ...(rng.next() < 0.3 ? { default: rng.int(0, 99) } : {}),
        ...(rng.next() < 0.2 ? { example: "not a number" } : {}),
      };
    case "enum":
      return {
        type: "string",
        enum: Array.from({ length: rng.int(1, 14) }, () => rng.word(1, rng.next() < 0.2 ? 70 : 30)),
      };
    case "nullable-enum":
      return {
        type: ["string", "null"],
        enum: [...Array.from({ length: rng.int(2, 9) }, () => rng.word(3, 25)), null],
      };
    case "array":
      return { type: "array", items: schema(rng, names, depth + 1) };
    case "ref":
      return names.length ? { $ref: `#/components/schemas/${rng.pick(names)}` } : { type: "boolean" };
    case "object":
      return object(rng, names, depth + 1);
    case "map":
      return { type: "object", additionalProperties: schema(rng, names, depth + 1) };
    case "oneOf":
      return {
        oneOf: Array.from({ length: rng.int(2, 6) }, () => schema(rng, names, depth + 1)),
        ...(rng.next() < 0.3 ? { nullable: true } : {}),
      };
    default:
      return {
        allOf: [
          names.length ? { $ref: `#/components/schemas/${rng.pick(names)}` } : object(rng, names, depth + 1),
          object(rng, names, depth + 1),
        ],
      };
  }
}

function object(rng: Rng, names: string[], depth: number): Record<string, unknown> {
  const properties = Object.fromEntries(
    Array.from({ length: rng.int(0, 7) }, () => [rng.word(1, 40), schema(rng, names, depth)]),
  );
  const keys = Object.keys(properties);
  return { type: "object", properties, required: keys.filter(() => rng.next() < 0.5) };
}

function randomSpec(seed: number): object {
  const rng = random(seed);
  const names: string[] = [];
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < rng.int(3, 12); i++) {
    const name = `${rng.word(1, 50)}${i}`;
    schemas[name] = rng.next() < 0.6 ? object(rng, names, 0) : schema(rng, names, 0);
    names.push(name);
  }
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < rng.int(2, 8); i++) {
    const segments = Array.from({ length: rng.int(1, 6) }, () => rng.word(2, 30));
    const id = rng.word(3, 20);
    const route = `/${segments.join("/")}/{${id}}`;
    const parameters = [
      { name: id, in: "path", required: true, schema: { type: "string" } },
      ...Array.from({ length: rng.int(0, 5) }, () => ({
        name: rng.word(2, 30),
        in: "query",
        ...(rng.next() < 0.3
          ? { style: rng.pick(["pipeDelimited", "spaceDelimited", "deepObject"]), explode: false }
          : {}),
        schema: schema(rng, names, 1),
      })),
    ];
    const body =
      rng.next() < 0.5
        ? { content: { "application/json": { schema: schema(rng, names, 0) } } }
        : {
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: {
                    [rng.word(2, 30)]: { type: "string", format: "binary" },
                    [rng.word(2, 30)]: { type: "array", items: { type: "string" } },
                    [rng.word(2, 30)]: object(rng, names, 2),
                  },
                },
              },
            },
          };
    const responses = Object.fromEntries(
      ["200", ...(rng.next() < 0.4 ? ["201"] : []), ...(rng.next() < 0.4 ? ["422"] : [])].map((status) => [
        status,
        { description: "ok", content: { "application/json": { schema: schema(rng, names, 0) } } },
      ]),
    );
    paths[route] = {
      [rng.pick(["get", "post", "put"])]: {
        operationId: `${rng.word(2, 40)}${i}`,
        tags: [rng.pick(["alpha", "beta-long-tag-name", "gamma"])],
        parameters,
        ...(rng.next() < 0.7 ? { requestBody: { ...body, required: rng.next() < 0.5 } } : {}),
        responses,
      },
    };
  }
  return { openapi: "3.0.3", info: { title: rng.word(3, 40), version: "1" }, paths, components: { schemas } };
}

const work = mkdtempSync(path.join(tmpdir(), "codegen-layout-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test.each(Array.from({ length: SPECS }, (_, i) => [i + 1]))(
  "random spec %i: the printer lays out every generated file as prettier would",
  async (seed) => {
    const spec = path.join(work, `spec-${seed}.json`);
    writeFileSync(spec, JSON.stringify(randomSpec(seed)));
    const { files, formattedByPrettier } = await generate({ spec, clients: ["fetch"] });
    const { layoutDiffers } = require("../support/layout.js") as typeof import("../support/layout.js");
    expect(await layoutDiffers(files, (file) => !file.includes("/runtime/"))).toEqual([]);
    // ASCII names and no layout outside the modelled ones: the printer, not the fallback, laid it all out.
    expect(formattedByPrettier).toEqual([]);
    writeGenerated(path.join(work, `spec-${seed}`), files);
    writeReadmeModules(path.join(work, `spec-${seed}`), files, ["fetch"]);
  },
  30_000,
);

test("every random spec's README examples compile against its client", () => {
  const { status, output } = typeCheckFolder(work);
  expect(output).toBe("");
  expect(status).toBe(0);
}, 120_000);
