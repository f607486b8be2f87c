import * as path from "node:path";
import type { ApiModel } from "../../src/ir/types";
import { generate } from "../../src/generate";
import { modelOf } from "../support/specs";

/** GitHub's REST spec (13 MB, 1,200 operations) from npm `@octokit/openapi`, installed into this folder on first use. */
const GITHUB_SPEC = path.join(__dirname, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");

let model: ApiModel;
beforeAll(async () => {
  const { ensureInstalled } = require("../support/npm-prefix.js") as { ensureInstalled(folder: string, label: string): void };
  ensureInstalled(__dirname, "naming");
  model = await modelOf(GITHUB_SPEC);
}, 300_000);

const member = (operationId: string) => {
  const operation = model.operations.find((op) => op.operationId === operationId)!;
  return `${operation.resource}.${operation.memberName}`;
};

describe("names a person would choose, on GitHub's REST spec", () => {
  test("the client class is the brand of the long title, not the title run together", async () => {
    const { files } = await generate({ spec: GITHUB_SPEC, clients: ["fetch"], format: false });
    expect(model.title).toBe("GitHub's official OpenAPI spec + Octokit extension");
    expect(files.get("fetch/client.ts")).toMatch(/^export class GitHub extends GitHubCore \{$/m);
  }, 120_000);

  test("an operationId that carries its tag as a namespace loses it on the resource; the function keeps it", () => {
    expect(member("repos/get")).toBe("repos.get");
    expect(member("repos/list-for-org")).toBe("repos.listForOrg");
    expect(member("actions/list-artifacts-for-repo")).toBe("actions.listArtifactsForRepo");
    expect(member("gists/delete")).toBe("gists.delete");
    expect(model.operations.find((op) => op.operationId === "repos/get")!.name).toBe("reposGet");
    const repeating = model.operations.filter((op) => op.resource && op.memberName.toLowerCase().startsWith(op.resource.toLowerCase()));
    expect(repeating.length / model.operations.length).toBeLessThan(0.02);
  });

  test("inline enums are named after their operation or schema and the property, and every type name is unique", () => {
    const listForOrg = model.operations.find((op) => op.operationId === "repos/list-for-org")!;
    expect(listForOrg.parameters.flatMap((p) => (p.schema.kind === "ref" ? [[p.key, p.schema.name]] : []))).toEqual([
      ["type", "ReposListForOrgType"],
      ["sort", "ReposListForOrgSort"],
      ["direction", "ReposListForOrgDirection"],
    ]);
    const repository = model.schemas.find((s) => s.name === "Repository")!.schema;
    const mergeTitle = repository.kind === "object" ? repository.properties.find((p) => p.name === "merge_commit_title")!.schema : undefined;
    expect(mergeTitle).toMatchObject({ kind: "ref", name: "RepositoryMergeCommitTitle" });
    expect(model.schemas.find((s) => s.name === "RepositoryMergeCommitTitle")).toMatchObject({
      inline: { at: "schema", owner: "Repository", key: "merge_commit_title" },
      enumMembers: [{ value: "PR_TITLE" }, { value: "MERGE_MESSAGE" }],
    });
    // `components/parameters/direction` is one type, not one per operation (29 use it).
    const directions = model.operations.flatMap((op) => op.parameters.filter((p) => p.component === "direction").map((p) => p.schema));
    expect(directions.length).toBeGreaterThan(20);
    expect(new Set(directions.map((schema) => (schema.kind === "ref" ? schema.name : schema.kind)))).toEqual(new Set(["Direction"]));
    // Their `as const` objects are values beside the functions and classes index.ts exports: no name is shared.
    const values = new Set([...model.operations.map((op) => op.name), ...model.resources.map((r) => r.className)]);
    expect(model.schemas.filter((s) => s.enumMembers && values.has(s.name)).map((s) => s.name)).toEqual([]);
  });

  test("member names are unique in each resource, and function names in the API", () => {
    const byResource = new Map<string, string[]>();
    for (const op of model.operations) byResource.set(op.resource ?? "", [...(byResource.get(op.resource ?? "") ?? []), op.memberName]);
    for (const [resource, names] of byResource) expect([resource, names.length]).toEqual([resource, new Set(names).size]);
    expect(new Set(model.operations.map((op) => op.name)).size).toBe(model.operations.length);
  });
});
