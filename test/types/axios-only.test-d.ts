// The axios client's own option: the caller's axios instance.
import axios, { type AxiosResponse } from "axios";
import { Ideogram, type ImageGenerationResponseV3 } from "ideogram-client";

declare const result: ImageGenerationResponseV3;
const instance = axios.create({ headers: { "x-team": "imaging" } });
new Ideogram({ axios: instance });
// Downloads go through the client's transport: the helpers take no transport option of their own.
// @ts-expect-error no transport option
void new Ideogram({ axios: instance }).downloadImages(result, { axios: instance });
const raw: AxiosResponse = (null as unknown as Awaited<ReturnType<ReturnType<Ideogram["datasets"]["listDatasets"]>["withResponse"]>>).response;
void raw;
// @ts-expect-error the axios client takes no fetch implementation
new Ideogram({ fetch });
