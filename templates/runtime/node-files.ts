import { openAsBlob } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { downloadImages, type DownloadOptions, type ImageLink, type SkippedImage } from "./download.ts";
import { toFile } from "./uploads.ts";

/**
 * A file on disk as an upload, named after the file; the content type is sniffed unless given.
 * Its bytes stay on disk until sent (they are read piece by piece as the request goes out).
 */
export async function fileFromPath(path: string, options: { type?: string | undefined } = {}): Promise<File> {
  return toFile(await openAsBlob(path), basename(path), options);
}

/**
 * Downloads a result's images and writes them to `directory` as `<prefix>-<index>.<ext>`,
 * returning the paths written and the images that had no link.
 */
export async function saveImages(
  result: { data: readonly ImageLink[] },
  directory: string,
  options: DownloadOptions & { prefix?: string | undefined } = {},
): Promise<{ files: string[]; skipped: SkippedImage[] }> {
  const { images, skipped } = await downloadImages(result, options);
  await mkdir(directory, { recursive: true });
  const files: string[] = [];
  for (const image of images) {
    const file = join(directory, `${options.prefix ?? "image"}-${image.index}.${image.extension}`);
    await writeFile(file, image.bytes);
    files.push(file);
  }
  return { files, skipped };
}
