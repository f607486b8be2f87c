import axios from "axios";
import type { AxiosInstance } from "axios";
import * as axiosSdk from "../../generated/axios/node.ts";
import * as fetchSdk from "../../generated/fetch/node.ts";
import type { ClientOptions } from "../../generated/fetch/index.ts";

/**
 * One generated client's Node entry. Both variants have this surface; they differ only in the
 * transport option (`fetch` or `axios`) and in the type of `withResponse().response`.
 */
export type Sdk = typeof fetchSdk;

export type Variant = "fetch" | "axios";

/** Every generated variant, for `describe.each(VARIANTS)("%s client", (variant, sdk) => ...)`. */
export const VARIANTS: readonly (readonly [Variant, Sdk])[] = [
  ["fetch", fetchSdk],
  ["axios", axiosSdk as unknown as Sdk],
];

/** Client options of either variant: the fetch client's, plus the axios client's `axios` instance. */
export type AnyClientOptions = ClientOptions & { axios?: AxiosInstance };

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
