import { checkOptions, type ClientCore } from "./client-core.ts";
import { SdkError } from "./errors.ts";
import { sniff } from "./uploads.ts";

/**
 * Where a result holds links to images, as the generator found them in the spec: the property
 * names from the result to the link (`null` for each item of an array), and the boolean beside the
 * link that is false when the link was withheld as unsafe.
 */
export type LinkField = readonly [path: readonly (string | null)[], safeFlag?: string];

/** One image link of a result. */
export interface ImageLink {
  /** Where it sits in the result: `data[0].url`, `base_image_url`. */
  field: string;
  /** Absent when the result has no link there. */
  url: string | undefined;
  /** The result withheld the link because the image failed its safety checks. */
  unsafe: boolean;
}

export interface DownloadedImage {
  status: "downloaded";
  field: string;
  url: string;
  bytes: Uint8Array;
  /** Sniffed from the bytes, else the response's `Content-Type`. */
  contentType: string;
  /** File extension for the content type, without the dot (`bin` when unknown). */
  extension: string;
}

export interface SkippedImage {
  status: "skipped";
  field: string;
  /** `unsafe`: the image failed safety checks and has no link; `no-url`: the result carried no link. */
  reason: "unsafe" | "no-url";
}

/** A link that could not be downloaded (expired, refused, timed out…): `url` can be tried again while it is valid. */
export interface FailedImage {
  status: "failed";
  field: string;
  url: string;
  error: SdkError;
}

export type ImageOutcome = DownloadedImage | SkippedImage | FailedImage;

/** Per download; the defaults are the client's. Each image is one GET with its own timeout and retries. */
export interface DownloadOptions {
  signal?: AbortSignal | undefined;
  /** Milliseconds for each attempt at one image, its body included. */
  timeout?: number | undefined;
  /** Retries of one image after 429, 503 or a connection failure. */
  maxRetries?: number | undefined;
  /** Images downloaded at once. Default 4. */
  concurrency?: number | undefined;
}

const DEFAULT_CONCURRENCY = 4;

/** What an image request accepts: stated, so that every runtime and transport sends the same (and a browser needs no preflight). */
const IMAGE_ACCEPT = "image/*, */*;q=0.8";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/svg+xml": "svg",
};

/** A result's image links in field order, items of an array in their order; fields the result does not have are left out. */
export function findLinks(result: unknown, fields: readonly LinkField[]): ImageLink[] {
  const links: ImageLink[] = [];
  for (const [path, safeFlag] of fields) {
    const visit = (value: unknown, step: number, where: string): void => {
      const segment = path[step];
      if (segment === null) {
        if (Array.isArray(value)) value.forEach((item, i) => visit(item, step + 1, `${where}[${i}]`));
      } else if (segment !== undefined && value !== null && typeof value === "object" && !Array.isArray(value)) {
        const owner = value as Record<string, unknown>;
        const field = where ? `${where}.${segment}` : segment;
        if (step < path.length - 1) visit(Object.hasOwn(owner, segment) ? owner[segment] : undefined, step + 1, field);
        // An item of an array always holds its link (or says why not); a named field only where the result has it.
        else if (Object.hasOwn(owner, segment) || path[step - 1] === null) {
          const url = owner[segment];
          const unsafe = safeFlag !== undefined && owner[safeFlag] === false;
          links.push({ field, url: typeof url === "string" && url !== "" ? url : undefined, unsafe });
        }
      }
    };
    visit(result, 0, "");
  }
  return links;
}

/**
 * Downloads links `concurrency` at a time through the client (its transport, timeout and retry
 * rules; no credentials or client headers, as the links are signed and point elsewhere) and hands
 * each image to `keep` as it arrives. Never rejects for one image: each link has its outcome, in order.
 */
export async function eachImage<Kept>(
  client: ClientCore,
  links: readonly ImageLink[],
  options: DownloadOptions,
  keep: (image: DownloadedImage) => Promise<Kept>,
): Promise<(Kept | SkippedImage | FailedImage)[]> {
  const { concurrency = DEFAULT_CONCURRENCY, ...request } = options;
  if (!(Number.isSafeInteger(concurrency) && concurrency >= 1)) {
    throw new SdkError(`concurrency must be a whole number, 1 or more, not ${String(concurrency)}`);
  }
  checkOptions(request, "");
  const outcomes: (Kept | SkippedImage | FailedImage)[] = new Array(links.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < links.length; i = next++) {
      const { field, url, unsafe } = links[i]!;
      if (url === undefined) outcomes[i] = { status: "skipped", field, reason: unsafe ? "unsafe" : "no-url" };
      else {
        try {
          outcomes[i] = await keep(await download(client, field, url, request));
        } catch (error) {
          const failure = error instanceof SdkError ? error : new SdkError(`${field}: ${String(error)}`, error);
          outcomes[i] = { status: "failed", field, url, error: failure };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, links.length) }, worker));
  return outcomes;
}

/** The links' images in memory, downloaded in parallel; see `eachImage`. */
export function downloadLinks(
  client: ClientCore,
  links: readonly ImageLink[],
  options: DownloadOptions = {},
): Promise<ImageOutcome[]> {
  return eachImage(client, links, options, async (image) => image);
}

async function download(
  client: ClientCore,
  field: string,
  url: string,
  options: Omit<DownloadOptions, "concurrency">,
): Promise<DownloadedImage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SdkError(`${field} is not a URL`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new SdkError(`${field} is not an http(s) link (${parsed.protocol})`);
  }
  // Errors name the link without its query, which holds the signature.
  const where = `${parsed.origin}${parsed.pathname}`;
  const blob = await client.request<Blob>(
    { method: "GET", path: where, url: parsed.href, response: "binary" },
    {},
    { ...options, headers: { accept: IMAGE_ACCEPT } },
  );
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const declared = blob.type.split(";")[0]?.trim().toLowerCase();
  const contentType = sniff(bytes.subarray(0, 12)) ?? (declared || "application/octet-stream");
  return { status: "downloaded", field, url, bytes, contentType, extension: EXTENSIONS[contentType] ?? "bin" };
}
