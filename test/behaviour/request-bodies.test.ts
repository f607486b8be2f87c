import { PNG } from "../support/images";
import { field, file, multipartParts } from "../support/multipart";
import { fixtureClients, type FixtureClient } from "../support/fixture-clients";
import { rejectionOf } from "../support/client";
import { json, WireServer } from "../support/wire-server";

/**
 * Operations that accept several request content types (test/fixtures/request-content-types.yml):
 * each call sends the body its values fit, byte for byte, in both variants.
 */
const server = new WireServer();
let clients: FixtureClient[];
let pinned: FixtureClient[];

beforeAll(async () => {
  await server.start();
  clients = await fixtureClients("request-content-types.yml");
  pinned = await fixtureClients("request-content-types.yml", { bodies: { "generate-image": "multipart" } });
});
afterAll(() => server.stop());

describe.each(["fetch", "axios"] as const)("%s client", (variant) => {
  const client = (from = clients) => {
    const { sdk } = from.find((c) => c.variant === variant)!;
    return new sdk.Api({ baseUrl: server.url });
  };

  test("generateImage sends JSON when no file is given", async () => {
    await client().images.generateImage({ prompt: "a lighthouse", style_codes: ["AB12", "CD34"], color_palette: { name: "EMBER" } });
    const [request] = server.requests;
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body.toString()).toBe('{"prompt":"a lighthouse","style_codes":["AB12","CD34"],"color_palette":{"name":"EMBER"}}');
  });

  test("generateImage sends multipart once a reference image is given, the palette as an application/json part", async () => {
    await client().images.generateImage({
      prompt: "a lighthouse",
      style_codes: ["AB12", "CD34"],
      color_palette: { name: "EMBER" },
      style_reference_images: [new Blob([PNG], { type: "image/png" }), PNG],
    });
    expect(await multipartParts(server.requests[0]!)).toEqual([
      field("prompt", "a lighthouse"),
      field("style_codes", "AB12"),
      field("style_codes", "CD34"),
      { name: "color_palette", field: '{"name":"EMBER"}', contentType: "application/json" },
      file("style_reference_images", "style_reference_images.png", "image/png", PNG),
      file("style_reference_images", "style_reference_images.png", "image/png", PNG),
    ]);
  });

  test("a pinned body kind is sent even without a file", async () => {
    await client(pinned).images.generateImage({ prompt: "a lighthouse" });
    expect(await multipartParts(server.requests[0]!)).toEqual([field("prompt", "a lighthouse")]);
  });

  test("createToken sends JSON unless a field only the form body has is given", async () => {
    await client().auth.createToken({ grant_type: "client_credentials", scope: "read write" });
    await client().auth.createToken({ grant_type: "client_credentials", scope: "read write", client_secret: "s3cr&t" });
    const [json, form] = server.requests;
    expect([json!.headers["content-type"], json!.body.toString()]).toEqual([
      "application/json",
      '{"grant_type":"client_credentials","scope":"read write"}',
    ]);
    expect([form!.headers["content-type"], form!.body.toString()]).toEqual([
      "application/x-www-form-urlencoded",
      "grant_type=client_credentials&scope=read%20write&client_secret=s3cr%26t",
    ]);
  });

  test("replaceImage sends the file as the whole body under `body`, as multipart under `image`", async () => {
    await client().images.replaceImage({ image_id: "img-1", body: PNG });
    await client().images.replaceImage({ image_id: "img-1", image: PNG, caption: "dusk" });
    const [binary, multipart] = server.requests;
    expect([binary!.method, binary!.url, binary!.headers["content-type"]]).toEqual(["PUT", "/images/img-1", "image/png"]);
    expect(binary!.body.equals(PNG)).toBe(true);
    expect(await multipartParts(multipart!)).toEqual([file("image", "image.png", "image/png", PNG), field("caption", "dusk")]);
  });

  test("values that fit no body fail before anything is sent", async () => {
    const error = await rejectionOf(client().images.replaceImage({ image_id: "img-1", image: PNG, body: PNG } as never));
    expect(String(error)).toMatch(/no request body of this operation takes all of "image" \(a file\), "body" \(a file\)/);
    expect(server.requests).toHaveLength(0);
  });
});

beforeEach(() => server.reply(json(200, { id: "r-1" })));
