// Node's types beside the DOM library (isomorphic code): the global fetch, node-fetch and test doubles fit.
// (undici's own declarations refuse the DOM's Blob in this setup, for undici's own calls too.)
import nodeFetch from "node-fetch";
import { Ideogram, type IdeogramOptions } from "../../../generated/fetch/index.ts";
import { doubles } from "./doubles.ts";

type Fetch = NonNullable<IdeogramOptions["fetch"]>;

export const fits: Fetch[] = [fetch, globalThis.fetch, nodeFetch, ...doubles];
export const clients = fits.map((fetch) => new Ideogram({ apiKey: "k", fetch }));
