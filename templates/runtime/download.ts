import type { TransportRequest } from "./client-core.ts";
import { SdkError } from "./errors.ts";
import { createTransport, type TransportOptions } from "./transport.ts";
import { sniff } from "./uploads.ts";

/** The shape of a generated image in a result: a link that expires, and its safety verdict. */
export interface ImageLink {
  url?: string | null | undefined;
  is_image_safe?: boolean | undefined;
}

export interface DownloadedImage {
  /** Position in the result's `data`. */
  index: number;
  bytes: Uint8Array;
  contentType: string;
  /** File extension for the content type, without the dot. */
  extension: string;
}

export interface SkippedImage {
  index: number;
  /** `unsafe`: the image failed safety checks and has no link; `no-url`: the result carried no link. */
  reason: "unsafe" | "no-url";
}

/** The client's transport options (a custom fetch, or an axios instance) and a signal. */
export type DownloadOptions = TransportOptions & { signal?: AbortSignal | undefined };

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};

/**
 * Downloads every image of a result while its links are still valid (they expire, about a day
 * after generation), through the same transport as the client. Results without a link are
 * reported in `skipped`, not thrown. No credentials are sent: the links are signed.
 */
export async function downloadImages(
  result: { data: readonly ImageLink[] },
  options: DownloadOptions = {},
): Promise<{ images: DownloadedImage[]; skipped: SkippedImage[] }> {
  const transport = createTransport(options);
  const images: DownloadedImage[] = [];
  const skipped: SkippedImage[] = [];
  for (const [index, item] of result.data.entries()) {
    if (!item.url) {
      skipped.push({ index, reason: item.is_image_safe === false ? "unsafe" : "no-url" });
      continue;
    }
    const request: TransportRequest = {
      method: "GET",
      url: item.url,
      headers: {},
      body: undefined,
      signal: options.signal ?? new AbortController().signal,
      timeout: 300_000,
    };
    const response = await transport(request);
    if (response.status < 200 || response.status >= 300) {
      await response.text().catch(() => "");
      throw new SdkError(
        `downloading image ${index} failed with status ${response.status} (its link may have expired)`,
      );
    }
    const bytes = new Uint8Array(await (await response.blob()).arrayBuffer());
    const declared = response.headers.get("content-type")?.split(";")[0]?.trim();
    const contentType = sniff(bytes.subarray(0, 12)) ?? (declared || "application/octet-stream");
    images.push({ index, bytes, contentType, extension: EXTENSIONS[contentType] ?? "bin" });
  }
  return { images, skipped };
}
