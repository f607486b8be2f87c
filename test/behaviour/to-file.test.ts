import axios from "axios";
import { file, multipartParts } from "../support/multipart";
import { clientFor } from "../support/client";
import { PNG } from "../support/images";
import { CLIENTS } from "../support/variants";
import { json, WireServer, type Reply } from "../support/wire-server";

/** Serves `/images/cat%20one.png` as a PNG without a content type, and anything else as a 404 page. */
const imageHost: Reply = (request, response) => {
  if (request.url.startsWith("/images/cat%20one.png")) response.writeHead(200).end(Buffer.from(PNG));
  else response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
};

describe.each(CLIENTS)("$label client: toFile and what a file field refuses", ({ sdk }) => {
  const images = new WireServer();
  const api = new WireServer();
  beforeAll(async () => {
    await Promise.all([images.start(), api.start()]);
    images.reply(imageHost);
    api.reply(json(200, { created: "2026-01-02T03:04:05Z", data: [] }));
  });
  afterAll(() => Promise.all([images.stop(), api.stop()]));

  test("toFile(await fetch(url)) is the downloaded file, named after the URL's last segment, its type sniffed", async () => {
    const file = await sdk.toFile(await fetch(`${images.url}/images/cat%20one.png?sig=abc`));
    expect([file.name, file.type, new Uint8Array(await file.arrayBuffer())]).toEqual(["cat one.png", "image/png", PNG]);
  });

  test("an axios response read as bytes works the same, and a name given wins", async () => {
    const response = await axios.get<ArrayBuffer>(`${images.url}/images/cat%20one.png`, { responseType: "arraybuffer" });
    const file = await sdk.toFile(response, "style.png");
    expect([file.name, file.type, new Uint8Array(await file.arrayBuffer())]).toEqual(["style.png", "image/png", PNG]);
  });

  test("a response outside 2xx is refused, not uploaded as the file", async () => {
    await expect(sdk.toFile(await fetch(`${images.url}/images/gone.png`))).rejects.toThrow("toFile: the response from gone.png is 404, not a file");
  });

  test("a string in a file field (plain JavaScript) is a clear error, and nothing is sent", async () => {
    api.requests.length = 0;
    const client = clientFor(sdk, api);
    const call = client.generate.inpaintImageV3({ image: "./photo.png", mask: new Blob([PNG]), prompt: "a lighthouse" } as never);
    await expect(call).rejects.toThrow(
      'field image: expected a file (Blob, File, bytes or stream), not the string "./photo.png": read a path with fileFromPath() (Node), a URL with toFile(await fetch(url))',
    );
    expect(api.requests).toEqual([]);
  });

  test("the file it makes uploads as a part named after the URL, with the sniffed type", async () => {
    api.requests.length = 0;
    const client = clientFor(sdk, api);
    const image = await sdk.toFile(await fetch(`${images.url}/images/cat%20one.png`));
    await client.generate.inpaintImageV3({ image, mask: new Blob([PNG]), prompt: "a lighthouse" });
    const parts = await multipartParts(api.requests[0]!);
    expect(parts.find((part) => part.name === "image")).toEqual(file("image", "cat one.png", "image/png", PNG));
  });
});
