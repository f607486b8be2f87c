/**
 * Generates one image with Ideogram and saves it before its link expires.
 *
 *   node dist/main.js [prompt] [folder]
 *
 * The client reads the API key from IDEOGRAM_API_KEY; IDEOGRAM_BASE_URL sends the requests
 * elsewhere (a proxy, or a local test server) instead of https://api.ideogram.ai.
 */
import { Ideogram, SdkError, saveImages } from "./ideogram/fetch/node.js";

const [prompt = "a lighthouse at dusk, watercolour", folder = "images"] = process.argv.slice(2);

const client = new Ideogram({ baseUrl: process.env.IDEOGRAM_BASE_URL || undefined });

try {
  const result = await client.generate.generateImageV3({ prompt, aspect_ratio: "16x9", rendering_speed: "TURBO" });
  const { files, skipped } = await saveImages(result, folder);
  for (const file of files) console.log(file);
  for (const { index, reason } of skipped) console.warn(`image ${index} not saved: ${reason}`);
} catch (error) {
  // Every error the client throws is an SdkError with a message fit to show (it never holds the key).
  if (!(error instanceof SdkError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
