import { NameRegistry, clientClassName, enumMemberKey, operationMethodName, resourceMemberName, resourceName, typeName } from "../../src/ir/naming";

describe("operationMethodName", () => {
  test.each([
    ["post-generate-image-v-3", "generateImageV3"],
    ["post-upscale-image", "upscaleImage"],
    ["post-describe", "describe"],
    ["postCreateUser", "createUser"],
    ["GET_users", "getUsers"],
  ])("drops a leading HTTP method word before a verb: %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "POST", "/x")).toBe(expected);
  });

  test.each([
    ["get-dataset", "getDataset"],
    ["list-custom-models", "listCustomModels"],
    ["delete-item", "deleteItem"],
    ["getUserById", "getUserById"],
    ["get", "get"],
  ])("keeps the method word when no verb follows it: %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "GET", "/x")).toBe(expected);
  });

  test.each([
    ["upload_files_uploads_post", "POST", "/uploads", "uploadFiles"],
    ["read_item_items__item_id__get", "GET", "/items/{item_id}", "readItem"],
    ["generate_image_v1_generate_post", "POST", "/v1/generate", "generateImage"],
    // Only the suffix of this very route goes; another route's, or a bare route, stays.
    ["read_item_items__item_id__get", "DELETE", "/items/{item_id}", "readItemItemsItemIdGet"],
    ["_uploads_post", "POST", "/uploads", "uploadsPost"],
  ])("drops FastAPI's route-and-method suffix: %s (%s %s) → %s", (operationId, method, path, expected) => {
    expect(operationMethodName(operationId, method, path)).toBe(expected);
  });

  test.each([
    ["post-v-1-edit-image", "editImageV1"],
    ["put-v-2-update-user", "updateUserV2"],
  ])("moves a version token between the method word and the verb to the end: %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "POST", "/x")).toBe(expected);
  });

  test.each([
    ["get-render", "getRender"],
    ["get-list-users", "getListUsers"],
  ])("keeps a leading get even before a verb (a getter's noun may also be a verb): %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "GET", "/x")).toBe(expected);
  });

  test("leaves the version token in place when the method word stays", () => {
    expect(operationMethodName("post-v-1-dataset", "POST", "/x")).toBe("postV1Dataset");
  });

  test("keeps a trailing version token where it is", () => {
    expect(operationMethodName("train-model-v-3", "POST", "/x")).toBe("trainModelV3");
  });

  test.each([
    ["delete", "delete_"],
    ["new", "new_"],
    ["class", "class_"],
  ])("suffixes a reserved word with an underscore: %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "POST", "/x")).toBe(expected);
  });

  test("prefixes a name that would start with a digit", () => {
    expect(operationMethodName("2fa-verify", "POST", "/x")).toBe("_2FaVerify");
  });

  test.each([
    ["GET", "/datasets/{dataset_id}", "getDatasetsByDatasetId"],
    ["GET", "/v1/ideogram-v3/generate", "getV1IdeogramV3Generate"],
    ["POST", "/", "post"],
  ])("without an operationId, builds the name from method and path: %s %s → %s", (method, path, expected) => {
    expect(operationMethodName(undefined, method, path)).toBe(expected);
  });
});

describe("resourceMemberName", () => {
  test.each([
    ["repos/get", ["repos"], "get"],
    ["repos.list-for-org", ["repos"], "listForOrg"],
    ["Repos:Get", ["repos"], "get"],
    ["repos_get", ["repos"], "get"],
    ["repos-delete", ["repos"], "delete"],
    ["user-profile/update", ["user-profile", "userProfile"], "update"],
    ["gists/delete", ["gists"], "delete"],
  ])("%s in %j → %s", (operationId, namespaces, expected) => {
    expect(resourceMemberName(operationId, namespaces, "GET", "/x")).toBe(expected);
  });

  test.each([
    // A word that is not a verb after `-` or `_` is part of the name, not a namespace.
    ["generate-image", ["generate"]],
    ["generate_image_v3", ["generate"]],
    // Ideogram's operationIds do not start with their (configured) resource.
    ["post-generate-image-v-3", ["subpackage_generate", "generate"]],
    ["orgs/get", ["repos"]],
    ["repos/", ["repos"]],
    // A member every object has is never a method name.
    ["repos/to-string", ["repos"]],
    [undefined, ["repos"]],
  ])("%s in %j carries no namespace", (operationId, namespaces) => {
    expect(resourceMemberName(operationId, namespaces, "GET", "/x")).toBeUndefined();
  });
});

describe("clientClassName", () => {
  test.each([
    ["Swagger Petstore", "SwaggerPetstoreClient"],
    ["API Reference", "ApiReferenceClient"],
    ["GitHub's official OpenAPI spec + Octokit extension", "GitHub"],
    ["the official REST API of Example Corporation services", "Example"],
    ["zoom meeting api with a very long lowercase title", "ZoomMeetingApiWithAVeryLongLowercaseTitleClient"],
    ["", "ApiClient"],
  ])("%j → %s", (title, expected) => {
    expect(clientClassName(title)).toBe(expected);
  });
});

describe("enumMemberKey", () => {
  test.each<[string | number, string]>([
    ["512x1536", "_512x1536"],
    ["80S_ILLUSTRATION", "_80S_ILLUSTRATION"],
    ["ON", "ON"],
    ["OFF", "OFF"],
    ["with space", "with_space"],
    ["a-b", "a_b"],
    ["", "_empty"],
    ["-", "_empty"],
    ["$ref", "$ref"],
    ["class", "class"],
    [-1, "minus_1"],
    [0, "_0"],
    [1.5, "_1_5"],
    [-0.5, "minus_0_5"],
  ])("%j → %s", (value, expected) => {
    expect(enumMemberKey(value)).toBe(expected);
  });
});

describe("typeName", () => {
  test.each([
    ["ImageRequest", "ImageRequest"],
    ["Foo_Bar", "Foo_Bar"],
    ["V1IdeogramV3GenerateTransparentPostRequestBodyContentMultipartFormDataSchemaRenderingSpeed", "V1IdeogramV3GenerateTransparentPostRequestBodyContentMultipartFormDataSchemaRenderingSpeed"],
  ])("keeps a name that is already PascalCase: %s", (text, expected) => {
    expect(typeName(text)).toBe(expected);
  });

  test.each([
    ["image-request", "ImageRequest"],
    ["my_type", "MyType"],
  ])("PascalCases other names: %s → %s", (text, expected) => {
    expect(typeName(text)).toBe(expected);
  });

  test.each([
    ["File", "FileSchema"],
    ["Promise", "PromiseSchema"],
    ["date", "DateSchema"],
  ])("moves names that TypeScript or the runtime use out of the way: %s → %s", (text, expected) => {
    expect(typeName(text)).toBe(expected);
  });

  test("prefixes a name that would start with a digit, and names an empty one", () => {
    expect(typeName("2fa")).toBe("T2Fa");
    expect(typeName("")).toBe("Schema");
  });
});

describe("identifiers hold what Unicode's ID_Start and ID_Continue allow, in any script", () => {
  const identifier = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

  test.each([
    ["a digit of another script first", "\u0660Name", "T\u0660name"],
    ["a fullwidth digit first", "\uff12x", "T\uff12x"],
    ["U+2E2F, a letter to ES5 but no identifier character", "x\u2e2fy", "XY"],
    ["a lone surrogate", "a\ud800b", "AB"],
    ["a combining mark first", "\u0301tag", "T\u0301tag"],
    ["letters of other scripts", "名前", "名前"],
  ])("type names: %s", (_label, text, expected) => {
    expect(typeName(text)).toBe(expected);
    expect(typeName(text)).toMatch(identifier);
  });

  test.each([
    ["\uff12x-odd", "_\uff12xOdd"],
    ["x\u2e2fy", "xY"],
  ])("method names: %s → %s", (operationId, expected) => {
    expect(operationMethodName(operationId, "GET", "/odd")).toBe(expected);
    expect(resourceName(operationId)).toMatch(identifier);
  });

  test.each([
    ["\u2e2f", "_empty"],
    ["\u0660", "_\u0660"],
    ["a\u2e2fb", "a_b"],
  ])("enum member keys: %s → %s", (value, expected) => {
    expect(enumMemberKey(value)).toBe(expected);
  });
});

describe("resourceName", () => {
  test("camelCases the tag and keeps it a valid, non-reserved identifier", () => {
    expect(resourceName("subpackage_generate")).toBe("subpackageGenerate");
    expect(resourceName("Data Sets")).toBe("dataSets");
    expect(resourceName("class")).toBe("class_");
    expect(resourceName("2d")).toBe("_2D");
  });
});

describe("NameRegistry", () => {
  test("suffixes 2, 3, … on collisions in claim order", () => {
    const registry = new NameRegistry();
    expect(["date", "date", "date", "other"].map((name) => registry.claim(name))).toEqual(["date", "date2", "date3", "other"]);
  });

  test("settles `date` vs `-date` deterministically: the first claim keeps the name", () => {
    const claims = () => {
      const registry = new NameRegistry();
      return ["date", "-date"].map((value) => registry.claim(enumMemberKey(value)));
    };
    expect(claims()).toEqual(["date", "date2"]);
    expect(claims()).toEqual(claims());
  });

  test("treats reserved names as taken", () => {
    expect(new NameRegistry(["request"]).claim("request")).toBe("request2");
  });

  test("skips a suffixed name that is already taken", () => {
    const registry = new NameRegistry(["a2"]);
    expect(registry.claim("a")).toBe("a");
    expect(registry.claim("a")).toBe("a3");
  });

  test("keeps names avoided by one claim free for later claims", () => {
    const registry = new NameRegistry();
    expect(registry.claim("search", new Set(["search"]))).toBe("search2");
    expect(registry.claim("search")).toBe("search");
  });
});
