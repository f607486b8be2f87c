import { clientFor } from "../support/client";
import { CLIENTS } from "../support/variants";
import { json, WireServer } from "../support/wire-server";

const { version } = require("../../package.json") as { version: string };

describe.each(CLIENTS)("$label client: the User-Agent", ({ sdk, variant }) => {
  const server = new WireServer();
  beforeAll(async () => {
    await server.start();
    server.reply(json(200, { datasets: [] }));
  });
  afterAll(() => server.stop());

  const sentUserAgent = async (options: Record<string, unknown>, requestHeaders?: Record<string, string>) => {
    server.requests.length = 0;
    await clientFor(sdk, server, options).datasets.listDatasets(requestHeaders ? { headers: requestHeaders } : {});
    return server.requests[0]!.headers["user-agent"];
  };

  test("names the generator, its version, the variant and the runtime", async () => {
    expect(await sentUserAgent({})).toBe(`ideogram-codegen/${version} (${variant}; node/${process.versions.node})`);
  });

  test("a User-Agent in the client's headers, or a request's, replaces it", async () => {
    expect(await sentUserAgent({ headers: { "User-Agent": "my-app/2.0" } })).toBe("my-app/2.0");
    expect(await sentUserAgent({ headers: { "User-Agent": "my-app/2.0" } }, { "user-agent": "my-job/3.1" })).toBe("my-job/3.1");
  });
});
