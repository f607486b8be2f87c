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
  for (const image of await saveImages(client, result, folder)) {
    if (image.status === "saved") console.log(image.path);
    else if (image.status === "skipped") console.warn(`${image.field} not saved: ${image.reason}`);
    else console.warn(`${image.field} not saved: ${image.error.message} (retry ${image.url} while it is valid)`);
  }
} catch (error) {
  // Every error the client throws is an SdkError with a message fit to show (it never holds the key).
  if (!(error instanceof SdkError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
