import axios, { type AxiosInstance } from "axios";
import * as axiosSdk from "../../generated/axios/node.ts";
import * as fetchSdk from "../../generated/fetch/node.ts";
import type { ImageGenerationResponseV3 } from "../../generated/axios/index.ts";
import { API_KEY } from "../support/client";
import { JPEG, PNG, WEBP } from "../support/images";
import { field, file, multipartParts } from "../support/multipart";
import { bytes } from "../support/replies";
import { webStreamOf } from "../support/uploads";
import type { Sdk } from "../support/variants";
import { json, WireServer, type RecordedRequest } from "../support/wire-server";

const RESULT = {
  created: "2026-01-02T03:04:05Z",
  data: [{ url: "https://ideogram.ai/a.png", prompt: "p", resolution: "1024x1024", is_image_safe: true, seed: 1 }],
};

let server: WireServer;

beforeAll(async () => {
  server = await new WireServer().start();
});

afterAll(async () => {
  await server.stop();
});

/** The user's own axios instance, with a request interceptor that adds a header to everything it sends. */
function instanceWithInterceptor(): AxiosInstance {
  const instance = axios.create();
  instance.interceptors.request.use((config) => {
    config.headers.set("x-interceptor", "applied");
    return config;
  });
  return instance;
}

describe("the axios client over the user's own axios instance", () => {
  test("sends every call through the instance's interceptors, with the API key header and the multipart body", async () => {
    server.reply(json(200, RESULT));
    const client = new axiosSdk.Ideogram({ apiKey: API_KEY, baseUrl: server.url, axios: instanceWithInterceptor() });

    const result = await client.generate.generateImageV3({
      prompt: "a lighthouse",
      style_codes: ["1A2B3C4D", "5E6F7A8B"],
      style_reference_images: [PNG],
    });

    expect(result).toEqual(RESULT);
    expect(server.requests).toHaveLength(1);
    expect(server.last.method).toBe("POST");
    expect(server.last.url).toBe("/v1/ideogram-v3/generate");
    expect(server.last.headers["x-interceptor"]).toBe("applied");
    expect(server.last.headers["api-key"]).toBe(API_KEY);
    expect(await multipartParts(server.last)).toEqual([
      field("prompt", "a lighthouse"),
      field("style_codes", "1A2B3C4D"),
      field("style_codes", "5E6F7A8B"),
      file("style_reference_images", "style_reference_images.png", "image/png", PNG),
    ]);
  });

  test("client.downloadImages fetches the links through the client's instance, without the API key", async () => {
    server.reply(bytes(200, PNG, "image/png"), bytes(200, JPEG, "image/jpeg"));
    const result: ImageGenerationResponseV3 = {
      created: "2026-01-02T03:04:05Z",
      data: [
        { url: `${server.url}/images/first.png`, prompt: "p", resolution: "1024x1024", is_image_safe: true, seed: 1 },
        { url: `${server.url}/images/second.jpg`, prompt: "p", resolution: "1024x1024", is_image_safe: true, seed: 2 },
      ],
    };
    const client = new axiosSdk.Ideogram({ apiKey: API_KEY, baseUrl: server.url, axios: instanceWithInterceptor() });

    const outcomes = await client.downloadImages(result, { concurrency: 1 });

    expect(outcomes.map((outcome) => [outcome.field, outcome.status === "downloaded" && outcome.contentType])).toEqual([
      ["data[0].url", "image/png"],
      ["data[1].url", "image/jpeg"],
    ]);
    expect(server.requests.map((request) => request.url)).toEqual(["/images/first.png", "/images/second.jpg"]);
    expect(server.requests.map((request) => request.headers["x-interceptor"])).toEqual(["applied", "applied"]);
    expect(server.requests.map((request) => request.headers["api-key"])).toEqual([undefined, undefined]);
  });
});

describe("fetch and axios on the wire", () => {
  /** The request `call` makes through `sdk`'s client, as it reached the server. */
  async function sent(sdk: Sdk, call: (client: fetchSdk.Ideogram) => PromiseLike<unknown>): Promise<RecordedRequest> {
    server.reply(json(200, RESULT));
    await call(new sdk.Ideogram({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
    return server.last;
  }

  /** The body and Content-Type with the request's own multipart boundary replaced by a fixed token. */
  function withoutBoundary(request: RecordedRequest): { contentType: string; body: Buffer } {
    const contentType = String(request.headers["content-type"]);
    const boundary = /boundary=([^;\s]+)$/.exec(contentType)?.[1];
    if (!boundary) throw new Error(`no multipart boundary in ${contentType}`);
    const body = request.body.toString("latin1").split(boundary).join("BOUNDARY");
    return { contentType: contentType.split(boundary).join("BOUNDARY"), body: Buffer.from(body, "latin1") };
  }

  test.each<[string, (client: fetchSdk.Ideogram) => PromiseLike<unknown>]>([
    [
      "generateImageV3 (text, repeated text, JSON text and repeated file parts from bytes, a File and a stream)",
      (client) =>
        client.generate.generateImageV3({
          prompt: "a lighthouse at dusk",
          seed: 0,
          aspect_ratio: "16x9",
          color_palette: { members: [{ color_hex: "#FF5733", color_weight: 0.6 }] },
          style_codes: ["1A2B3C4D", "5E6F7A8B"],
          style_reference_images: [PNG, new File([JPEG], "hero.jpg"), webStreamOf(WEBP)],
        }),
    ],
    [
      "upscaleImage (image_request as JSON text, a typed Blob)",
      (client) =>
        client.generate.upscaleImage({
          image_request: { prompt: "sharper", resemblance: 60, magic_prompt_option: "OFF" },
          image_file: new Blob([JPEG], { type: "image/jpeg" }),
        }),
    ],
  ])("%s sends the same multipart bytes from both clients, apart from the boundary", async (_label, call) => {
    const fromFetch = await sent(fetchSdk, call);
    const fromAxios = await sent(axiosSdk as unknown as Sdk, call);

    expect(await multipartParts(fromAxios)).toEqual(await multipartParts(fromFetch));
    const fetchWire = withoutBoundary(fromFetch);
    const axiosWire = withoutBoundary(fromAxios);
    expect(axiosWire.contentType).toBe("multipart/form-data; boundary=BOUNDARY");
    expect(axiosWire.contentType).toBe(fetchWire.contentType);
    expect(axiosWire.body).toEqual(fetchWire.body);
    expect(fromAxios.headers["content-length"]).toBe(fromFetch.headers["content-length"]);
    expect(fromAxios.headers["api-key"]).toBe(fromFetch.headers["api-key"]);
  });
});
