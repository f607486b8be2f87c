import { fixtureClients, type FixtureClient } from "../support/fixture-clients";
import { field, file, multipartParts, partHeaders } from "../support/multipart";
import { json, WireServer } from "../support/wire-server";

/**
 * `encoding` entries of a multipart body (test/fixtures/multipart-part-encoding.yml): part
 * Content-Types, a file's type from the declared list, extra part headers and form styles, read
 * back by busboy (names, filenames, bytes) and by a second parser (every header line).
 */
const server = new WireServer();
let clients: FixtureClient[];

beforeAll(async () => {
  await server.start();
  clients = await fixtureClients("multipart-part-encoding.yml");
});
afterAll(() => server.stop());
beforeEach(() => server.reply(json(200, { id: "r-1" })));

/** Bytes no sniffer recognises: the file's type can only come from the spec. */
const UNTYPED = new Uint8Array([1, 2, 3, 4]);

describe.each(["fetch", "axios"] as const)("%s client", (variant) => {
  const remix = (params: Record<string, unknown>) => {
    const { sdk } = clients.find((c) => c.variant === variant)!;
    return new sdk.Api({ baseUrl: server.url }).images.remixImage(params);
  };

  test("sends each part as its encoding entry says", async () => {
    await remix({
      image: UNTYPED,
      color_palette: { name: "EMBER" },
      caption: "naïve café",
      size: { width: 1024, height: 768 },
      filters: { blur: 2, tint: "sepia" },
      style_codes: ["AB12", "CD34"],
      seeds: [1, 2, 3],
    });
    const request = server.requests[0]!;
    expect(await multipartParts(request)).toEqual([
      file("image", "image.png", "image/png", UNTYPED),
      { name: "color_palette", field: '{"name":"EMBER"}', contentType: "application/json" },
      field("caption", "naïve café"),
      field("width", "1024"),
      field("height", "768"),
      field("filters[blur]", "2"),
      field("filters[tint]", "sepia"),
      field("style_codes", "AB12,CD34"),
      field("seeds", "1|2|3"),
    ]);
    expect(await partHeaders(request)).toEqual([
      { "content-disposition": 'form-data; name="image"; filename="image.png"', "content-type": "image/png", "x-asset-role": "source" },
      { "content-disposition": 'form-data; name="color_palette"', "content-type": "application/json" },
      { "content-disposition": 'form-data; name="caption"', "content-type": "text/plain; charset=utf-8", "x-caption-language": "en" },
      { "content-disposition": 'form-data; name="width"' },
      { "content-disposition": 'form-data; name="height"' },
      { "content-disposition": 'form-data; name="filters[blur]"' },
      { "content-disposition": 'form-data; name="filters[tint]"' },
      { "content-disposition": 'form-data; name="style_codes"' },
      { "content-disposition": 'form-data; name="seeds"' },
    ]);
  });

  test("a file with a type of its own keeps it; the declared list is only the fallback", async () => {
    await remix({ image: new Blob([UNTYPED], { type: "image/jpeg" }) });
    expect(await partHeaders(server.requests[0]!)).toEqual([
      { "content-disposition": 'form-data; name="image"; filename="image.jpg"', "content-type": "image/jpeg", "x-asset-role": "source" },
    ]);
  });

  test("entries that would inject header lines or quotes are not sent: those parts keep their defaults", async () => {
    await remix({ image: UNTYPED, spoofed: "one", quoted: "two" });
    const headers = await partHeaders(server.requests[0]!);
    expect(headers.slice(1)).toEqual([
      { "content-disposition": 'form-data; name="spoofed"' },
      { "content-disposition": 'form-data; name="quoted"' },
    ]);
    expect(server.requests[0]!.body.toString("latin1")).not.toMatch(/X-Injected|X-Bad|X-Quoted/i);
  });
});
