import { createHash } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdir, open, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ClientCore } from "./client-core.ts";
import { eachImage, type DownloadOptions, type FailedImage, type ImageLink, type SkippedImage } from "./download.ts";
import { SdkError } from "./errors.ts";
import { toFile } from "./uploads.ts";

/**
 * A file on disk as an upload, named after the file; the content type is sniffed unless given.
 * Its bytes stay on disk until sent (they are read piece by piece as the request goes out).
 */
export async function fileFromPath(path: string, options: { type?: string | undefined } = {}): Promise<File> {
  return toFile(await openAsBlob(path), basename(path), options);
}

export interface SavedImage {
  status: "saved";
  field: string;
  url: string;
  /** The file written, in the directory given. */
  path: string;
  contentType: string;
}

export type SaveOutcome = SavedImage | SkippedImage | FailedImage;

export interface SaveOptions extends DownloadOptions {
  /** Start of every file name. Default `image`. */
  prefix?: string | undefined;
}

/** The most files one name is tried with before giving up: `name.png`, `name-2.png`, … */
const MAX_NAME_TRIES = 1000;

/**
 * Downloads links as `eachImage` does and writes each image as it arrives, to a new file in
 * `directory` (created if missing): `<prefix>-<created>-<link>.<ext>`, where `created` is the
 * result's creation time (`20261203T010423Z`; a hash of the image when the result has none) and
 * `link` is where the link sits (`0` for `data[0].url`, `base_image` for `base_image_url`). An
 * existing file is never replaced: the name gets `-2`, `-3`, … instead.
 */
export async function saveLinks(
  client: ClientCore,
  result: unknown,
  links: readonly ImageLink[],
  directory: string,
  options: SaveOptions = {},
): Promise<SaveOutcome[]> {
  const { prefix = "image", ...download } = options;
  if (typeof prefix !== "string" || /[/\\\0]/.test(prefix)) {
    throw new SdkError(`prefix must be part of a file name, without separators: ${JSON.stringify(prefix)}`);
  }
  await mkdir(directory, { recursive: true });
  const created = creationStamp(result);
  return eachImage(client, links, download, async (image) => {
    const stem = `${prefix}-${created ?? contentHash(image.bytes)}-${linkName(image.field)}`;
    const path = await writeNewFile(directory, stem, image.extension, image.bytes);
    return { status: "saved", field: image.field, url: image.url, path, contentType: image.contentType };
  });
}

/** The result's `created` time as `YYYYMMDDTHHMMSSZ`, when it has a valid one. */
function creationStamp(result: unknown): string | undefined {
  const created = result !== null && typeof result === "object" ? (result as { created?: unknown }).created : undefined;
  const time = typeof created === "string" || typeof created === "number" ? new Date(created).getTime() : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d+/, "").replace(/[-:]/g, "");
}

function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

/** `data[0].url` → `0`, `base_image_url` → `base_image`, `layers[2].url` → `layers-2`; only `[A-Za-z0-9_-]` remain. */
function linkName(field: string): string {
  const parts = field.match(/[^.[\]]+/g) ?? [];
  if (parts.at(-1)?.toLowerCase() === "url") parts.pop();
  else if (parts.length) parts[parts.length - 1] = parts.at(-1)!.replace(/[-_]?url$/i, "");
  if (parts[0] === "data" && parts.length > 1) parts.shift();
  return parts.join("-").replace(/[^A-Za-z0-9_-]/g, "_") || "image";
}

/** Writes `bytes` to a file that did not exist (`wx`), trying `stem-2`, `stem-3`, … while the name is taken. */
async function writeNewFile(directory: string, stem: string, extension: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const path = join(directory, `${stem}${n === 1 ? "" : `-${n}`}.${extension}`);
    let file;
    try {
      file = await open(path, "wx");
    } catch (error) {
      if ((error as { code?: unknown }).code === "EEXIST") continue;
      throw error;
    }
    try {
      await file.writeFile(bytes);
      await file.close();
    } catch (error) {
      await file.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
      throw error;
    }
    return path;
  }
  throw new SdkError(`${join(directory, stem)}.${extension} and ${MAX_NAME_TRIES - 1} numbered names exist already`);
}
