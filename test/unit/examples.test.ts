import { createExampleBuilder, type ExampleParams } from "../../src/emit/core/examples";
import { printDoc } from "../../src/emit/print/doc";
import type { ApiModel } from "../../src/ir/types";
import { fixture, ideogramModel, modelOf, operationNamed } from "../support/specs";

let model: ApiModel;
beforeAll(async () => {
  model = await modelOf(fixture("readme-examples.yml"));
});

function example(name: string, from = model): { text: string | undefined; usesFile: boolean } | undefined {
  const params: ExampleParams | undefined = createExampleBuilder(from.schemas).params(operationNamed(from, name));
  return params && { text: params.value && printDoc(params.value.doc).text, usesFile: params.usesFile };
}

test("required fields only: the spec's example or default when it fits the type, else a placeholder of the type", () => {
  expect(example("placeOrder")?.text).toBe(
    [
      "{",
      '  order_id: "00000000-0000-4000-8000-000000000000",', // format uuid
      "  dry_run: false,", // the default
      "  quantity: 3,", // examples[0]; the optional price is left out, and so is the read-only id
      '  items: [{ sku: "example sku" }],', // the example 12345 is not a string
      '  shipping: { street: "example street", city: "example city" },', // the example has a key the type lacks
      '  tier: "basic",', // the first enum value
      '  created: "not a date, but a string all the same",', // any string fits a date-time string
      "}",
    ].join("\n"),
  );
});

test("required files are read from disk with fileFromPath; an optional file is left out", () => {
  expect(example("uploadScans")).toEqual({
    text: [
      "{",
      '  pages: [await fileFromPath("pages.png")],',
      '  cover: await fileFromPath("cover.png"),',
      "  meta: { scanned_at: new Date().toISOString() },",
      "}",
    ].join("\n"),
    usesFile: true,
  });
});

test("a key that two parts of an allOf require takes the narrower part's value; an allOf of strings is a string", () => {
  expect(example("addPet")?.text).toBe('{ kind: "dog", name: "example name" }');
  expect(example("getCode")?.text).toBe('{ code: "example code" }');
});

test("a required property that contains itself has no finite value: no example", () => {
  expect(example("plantTree")).toBeUndefined();
});

test("an operation whose params are all optional is called without them", async () => {
  expect(example("listDatasets", await ideogramModel())).toEqual({ text: undefined, usesFile: false });
});
