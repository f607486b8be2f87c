import type { Variant } from "../core/emit-client";

/** The axios versions the transport is written for: Blob request bodies in Node need 1.x. */
export const AXIOS_RANGE = "^1.7.0";

/** The axios variant: the same client over axios, its only runtime dependency. */
export const axiosVariant: Variant = {
  name: "axios",
  readme: (settings) => ({
    transport: "It sends every request through axios, so your interceptors, proxy and agent settings apply.",
    rawResponse: "the `AxiosResponse`",
    install: `npm install axios@${AXIOS_RANGE}`,
    peerRange: AXIOS_RANGE,
    testedOn: "Node 20 and Chromium",
    clientOption: `Pass your own instance as \`axios\` in the client options (\`new ${settings.clientName}({ axios: myAxios })\`) to keep its interceptors and defaults.`,
  }),
};
