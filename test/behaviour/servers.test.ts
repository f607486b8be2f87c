import { readFileSync } from "node:fs";
import { fixtureClients, type FixtureClient } from "../support/fixture-clients";
import { fixture } from "../support/specs";
import { json, WireServer, type Reply } from "../support/wire-server";

/**
 * Server URLs (test/fixtures/server-*.yml): variables filled from the client's options or their
 * defaults, a relative URL resolved against the URL the spec was read from, and a client that
 * must be given `baseUrl` when the spec has nothing absolute.
 */
const server = new WireServer();
let variables: FixtureClient[];
let relative: FixtureClient[];
let relativeFromUrl: FixtureClient[];

/** The spec itself at /specs/server-relative.yml; the API's answer everywhere else. */
const specOrItems: Reply = (request, response) => {
  if (request.url === "/specs/server-relative.yml") {
    response.writeHead(200, { "content-type": "application/yaml" });
    response.end(readFileSync(fixture("server-relative.yml")));
  } else json(200, ["a", "b"])(request, response);
};

beforeAll(async () => {
  await server.start();
  server.reply(specOrItems);
  variables = await fixtureClients("server-variables.yml");
  relative = await fixtureClients("server-relative.yml");
  relativeFromUrl = await fixtureClients("server-relative.yml", { spec: `${server.url}/specs/server-relative.yml` });
});
afterAll(() => server.stop());
beforeEach(() => server.reply(specOrItems));

describe.each(["fetch", "axios"] as const)("%s client", (variant) => {
  const sdkOf = (clients: FixtureClient[]) => clients.find((c) => c.variant === variant)!.sdk;
  const port = () => new URL(server.url).port;

  test("fills the server URL's variables from serverVariables, each defaulting as the spec says", async () => {
    const { Api } = sdkOf(variables);
    expect(await new Api({ serverVariables: { port: port() } }).items.listItems()).toEqual(["a", "b"]);
    await new Api({ serverVariables: { port: port(), basePath: "v2" } }).items.listItems();
    expect(server.requests.map((r) => [r.headers.host, r.url])).toEqual([
      [`127.0.0.1:${port()}`, "/v1/items"],
      [`127.0.0.1:${port()}`, "/v2/items"],
    ]);
  });

  test("a variable value outside the spec's enum fails at construction", () => {
    const { Api } = sdkOf(variables);
    expect(() => new Api({ serverVariables: { basePath: "v3" } })).toThrow('serverVariables.basePath must be one of "v1", "v2"');
  });

  test("a relative server read from a file leaves no default: the client requires baseUrl", async () => {
    const { Api } = sdkOf(relative);
    expect(() => new Api({})).toThrow(/baseUrl is required: this API's spec names no absolute server URL/);
    await new Api({ baseUrl: `${server.url}/v1` }).items.listItems();
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/items"]);
  });

  test("a relative server read from a URL resolves against it", async () => {
    const { Api } = sdkOf(relativeFromUrl);
    expect(await new Api().items.listItems()).toEqual(["a", "b"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/items"]);
  });
});
