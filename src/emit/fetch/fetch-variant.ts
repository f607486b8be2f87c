import type { Variant } from "../core/emit-client";
import { renderReadme } from "../core/readme";

/** The fetch variant: the platform's fetch, zero runtime dependencies. */
export const fetchVariant: Variant = {
  name: "fetch",
  staticFiles: (model, settings) =>
    new Map([
      [
        "README.md",
        renderReadme("fetch", model, settings, {
          transport:
            "It runs on the platform's `fetch` (Node 20+, browsers, Deno, Bun, edge runtimes) and has no runtime dependencies.",
          rawResponse: "the platform's `Response`",
          clientOption: "Pass `fetch` in the client options to use another implementation (a proxy-aware fetch, a test double).",
        }),
      ],
    ]),
};
