// Node with @types/node and no DOM library: Node's global fetch, undici's (7 and 8, also wrapped to
// pass a dispatcher), node-fetch, and test doubles fit the fetch client's `fetch` option.
import { Agent, fetch as undiciFetch } from "undici";
import { fetch as undici7Fetch } from "undici7";
import nodeFetch from "node-fetch";
import { Ideogram, type IdeogramOptions } from "../../../generated/fetch/index.ts";
import { doubles } from "./doubles.ts";

type Fetch = NonNullable<IdeogramOptions["fetch"]>;

export const fits: Fetch[] = [
  fetch,
  globalThis.fetch,
  undiciFetch,
  undici7Fetch,
  nodeFetch,
  (url, init) => undiciFetch(url, { ...init, dispatcher: new Agent({ connectTimeout: 5_000 }) }),
  (url, init) => nodeFetch(url, init),
  ...doubles,
];
export const clients = fits.map((fetch) => new Ideogram({ apiKey: "k", fetch }));
