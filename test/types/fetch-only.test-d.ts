// The fetch client's own option: any fetch implementation.
import { Ideogram, type ImageGenerationResponseV3 } from "ideogram-client";

declare const result: ImageGenerationResponseV3;
new Ideogram({ fetch: (input, init) => fetch(input, init) });
// Downloads go through the client's transport: the helpers take no transport option of their own.
// @ts-expect-error no transport option
void new Ideogram({ fetch }).downloadImages(result, { fetch });
const raw: Response = (null as unknown as Awaited<ReturnType<ReturnType<Ideogram["datasets"]["listDatasets"]>["withResponse"]>>).response;
void raw;
// @ts-expect-error the fetch client takes no axios instance
new Ideogram({ axios: {} });
