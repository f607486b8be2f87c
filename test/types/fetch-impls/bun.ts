// Bun's types (its fetch carries `preconnect`, which a plain function lacks): Bun.fetch, the global one and test doubles fit.
import { Ideogram, type IdeogramOptions } from "../../../generated/fetch/index.ts";
import { doubles } from "./doubles.ts";

type Fetch = NonNullable<IdeogramOptions["fetch"]>;

export const fits: Fetch[] = [Bun.fetch, fetch, globalThis.fetch, ...doubles];
export const clients = fits.map((fetch) => new Ideogram({ apiKey: "k", fetch }));
