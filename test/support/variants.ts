import axios from "axios";
import type { AxiosInstance } from "axios";
import * as axiosSdk from "../../generated/axios/node.ts";
import * as fetchSdk from "../../generated/fetch/node.ts";
import type { IdeogramOptions } from "../../generated/fetch/index.ts";
import * as path from "node:path";
import { JS_CLIENTS } from "./js-clients.js";

/**
 * One generated client's Node entry. Both variants have this surface; they differ only in the
 * transport option (`fetch` or `axios`) and in the type of `withResponse().response`.
 */
export type Sdk = typeof fetchSdk;

export type Variant = "fetch" | "axios";

/** One generated client as a test runs it: which transport, and from which output. */
export interface GeneratedClient {
  /** `fetch`, `axios (emit js)`: for test names, `describe.each(CLIENTS)("$label client", ...)`. */
  label: string;
  variant: Variant;
  sdk: Sdk;
}

/** The TypeScript sources in generated/, one per variant. */
export const VARIANTS: readonly GeneratedClient[] = [
  { label: "fetch", variant: "fetch", sdk: fetchSdk },
  { label: "axios", variant: "axios", sdk: axiosSdk as unknown as Sdk },
];

/**
 * The sources, and the same clients as `emit: "js"` compiles them (written by jest's globalSetup,
 * test/support/js-clients.js): the behaviour suite holds the JavaScript to the same wire bytes.
 */
export const CLIENTS: readonly GeneratedClient[] = [
  ...VARIANTS,
  ...VARIANTS.map(({ label, variant }) => ({
    label: `${label} (emit js)`,
    variant,
    sdk: require(path.join(JS_CLIENTS, variant, "node.js")) as Sdk,
  })),
];

/** Client options of either variant: the fetch client's, plus the axios client's `axios` instance. */
export type AnyClientOptions = IdeogramOptions & { axios?: AxiosInstance };

/** Transport options for `variant` that count the HTTP attempts its transport makes. */
export function countingTransport(variant: Variant): { options: AnyClientOptions; calls: () => number } {
  let calls = 0;
  if (variant === "axios") {
    const instance = axios.create();
    instance.interceptors.request.use((config) => {
      calls++;
      return config;
    });
    return { options: { axios: instance }, calls: () => calls };
  }
  const counting: typeof fetch = (input, init) => {
    calls++;
    return fetch(input, init);
  };
  return { options: { fetch: counting }, calls: () => calls };
}
