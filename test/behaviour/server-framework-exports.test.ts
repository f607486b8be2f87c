import { PNG } from "../support/images";
import { field, file, multipartParts } from "../support/multipart";
import { fixtureClients, type FixtureClient } from "../support/fixture-clients";
import { json, WireServer } from "../support/wire-server";

/**
 * What specs exported by server frameworks (FastAPI) write (test/fixtures/server-framework-exports.yml):
 * `files[]` field names, `anyOf` with a null member, schemas with only a title, `nullable` beside allOf.
 */
const server = new WireServer();
let clients: FixtureClient[];

beforeAll(async () => {
  await server.start();
  clients = await fixtureClients("server-framework-exports.yml");
});
afterAll(() => server.stop());
beforeEach(() => server.reply(json(200, { id: "u-1", palette: null, note: null })));

describe.each(["fetch", "axios"] as const)("%s client", (variant) => {
  const api = () => new (clients.find((c) => c.variant === variant)!.sdk.Api)({ baseUrl: server.url });

  test("uploadFiles (operationId upload_files_uploads_post) repeats `files[]`, skips null fields, sends a title-only field by its value", async () => {
    const result = await api().uploads.uploadFiles({
      "files[]": [PNG, new Blob(["notes"], { type: "text/plain" })],
      caption: null,
      mask: PNG,
      extra: { source: "camera" },
      palette: null,
    });
    expect(result).toEqual({ id: "u-1", palette: null, note: null });
    expect(await multipartParts(server.requests[0]!)).toEqual([
      file("files[]", "files[].png", "image/png", PNG),
      file("files[]", "files[].txt", "text/plain", "notes"),
      file("mask", "mask.png", "image/png", PNG),
      field("extra", '{"source":"camera"}'),
    ]);
  });

  test("a title-only field takes text as text and a file as a file", async () => {
    await api().uploads.uploadFiles({ "files[]": [PNG], caption: "dusk", extra: "plain words" });
    await api().uploads.uploadFiles({ "files[]": [PNG], extra: PNG });
    const [text, upload] = await Promise.all(server.requests.map(multipartParts));
    expect(text!.slice(1)).toEqual([field("caption", "dusk"), field("extra", "plain words")]);
    expect(upload!.slice(1)).toEqual([file("extra", "extra.png", "image/png", PNG)]);
  });
});
