// The fetch client's own option: any fetch implementation.
import { Ideogram, downloadImages, type ImageGenerationResponseV3 } from "ideogram-client";

declare const result: ImageGenerationResponseV3;
new Ideogram({ fetch: (input, init) => fetch(input, init) });
void downloadImages(result, { fetch });
const raw: Response = (null as unknown as Awaited<ReturnType<ReturnType<Ideogram["datasets"]["listDatasets"]>["withResponse"]>>).response;
void raw;
// @ts-expect-error the fetch client takes no axios instance
new Ideogram({ axios: {} });
