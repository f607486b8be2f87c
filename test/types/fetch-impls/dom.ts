// A browser project (DOM library, no Node types): window's fetch and test doubles fit.
import { Ideogram, type IdeogramOptions } from "../../../generated/fetch/index.ts";
import { doubles } from "./doubles.ts";

type Fetch = NonNullable<IdeogramOptions["fetch"]>;

export const fits: Fetch[] = [fetch, window.fetch.bind(window), (url, init) => window.fetch(url, init), ...doubles];
export const clients = fits.map((fetch) => new Ideogram({ apiKey: "k", fetch }));
