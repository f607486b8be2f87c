"use strict";
// Seeded mutations of OpenAPI documents, for the fuzz suite: the same seed always gives the same
// document. Each mutation plants the kind of input that broke generators before (odd names, odd
// types, empty compositions, deep nesting, bad $refs, spec text shaped like code).

/** A small, fast PRNG (mulberry32): a number in [0, 1) per call. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What becomes code if any of it reaches generated source unescaped (the suite looks for `pwned(`).
 * The call sits inside another, so that the same text made into a name (`xPwned`) is no match.
 */
const HOSTILE = ["*/ x(pwned()) /*", "'); x(pwned()); ('", '"); x(pwned()); ("', "${x(pwned())}", "`+x(pwned())+`", "\\'; x(pwned()); //", "<!-- x(pwned()) -->", "a\nb\r\nc\u2028d"];

/** Names that are not identifiers, shadow what every object has, or collide with the client's own. */
const NAMES = [
  ...["toString", "valueOf", "constructor", "hasOwnProperty", "isPrototypeOf", "__proto__", "then", "toJSON"],
  ...["body", "params", "options", "request", "signal", "default", "class", "await", "Error", "Promise", "Ideogram"],
  ...["\u0660Name", "\uff12x", "x\u2e2fy", "\u2e2f", "\ud800", "a\udfffb", "\u{1f600}", "\u0301x", "a-b", "", " ", "$", "_"],
  ...["%ZZ", "a/b", "~1", "x".repeat(300)],
  ...HOSTILE,
];

const VALUES = [0, -1, 1.5, 1e21, true, false, null, [], {}, "", "x".repeat(5000), [1, [2]], { $ref: "#/nowhere" }, ...HOSTILE];

const REFS = [
  "#/components/schemas/%ZZ",
  "#/components/schemas/\ud800",
  `#/components/schemas/${"x".repeat(5000)}`,
  `#${"/a".repeat(3000)}`,
  "#/components/schemas/Missing",
  "#/",
  "#",
  "other.yaml#/Thing",
  "http://127.0.0.1:1/spec.yaml#/x",
];

const TYPES = ["strnig", 5, ["string", "integer", "null"], [], "null", "object", "array", ["null"], { type: "string" }];

const COMPOSITIONS = ["allOf", "anyOf", "oneOf"];

const BODY_CONTENT = [
  { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
  { "text/plain": { schema: { type: "string" } } },
  { "application/json": { schema: { type: "string" } } },
  { "multipart/form-data": {} },
  { "application/json": { schema: { type: "array", items: { type: "integer" } } } },
];

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Every object and array in the document with its parent and key (each shared node once), found without recursion. */
function nodesOf(document) {
  const nodes = [];
  const seen = new Set();
  const stack = [{ value: document, parent: undefined, key: undefined, path: [] }];
  while (stack.length) {
    const entry = stack.pop();
    if (entry.value === null || typeof entry.value !== "object" || seen.has(entry.value)) continue;
    seen.add(entry.value);
    nodes.push(entry);
    for (const [key, value] of Object.entries(entry.value)) stack.push({ value, parent: entry.value, key, path: [...entry.path, key] });
  }
  return nodes;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const SCHEMA_KEYS = ["type", "properties", "items", "allOf", "anyOf", "oneOf", "enum", "$ref", "additionalProperties"];
const isSchema = (node) => isObject(node.value) && (node.path.includes("schemas") || node.path.includes("schema")) && SCHEMA_KEYS.some((k) => k in node.value);
const isOperation = (node) => isObject(node.value) && node.path[0] === "paths" && node.path.length === 3 && METHODS.has(node.key);

/** The mutations: each changes the document in place and says what it did, or returns undefined when it found nothing to change. */
const MUTATIONS = {
  oddValue(document, pick) {
    const node = pick(nodesOf(document).filter((n) => isObject(n.value) && Object.keys(n.value).length));
    if (!node) return undefined;
    const key = pick(Object.keys(node.value));
    node.value[key] = structuredClone(pick(VALUES));
    return `${node.path.concat(key).join("/")} = ${JSON.stringify(node.value[key]).slice(0, 40)}`;
  },
  renameProperty(document, pick) {
    const node = pick(nodesOf(document).filter((n) => n.key === "properties" && isObject(n.value) && Object.keys(n.value).length));
    if (!node) return undefined;
    const from = pick(Object.keys(node.value));
    const to = pick(NAMES);
    const value = node.value[from];
    delete node.value[from];
    node.value[to] = value;
    return `property ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
  },
  renameSchema(document, pick) {
    const schemas = document.components?.schemas;
    if (!isObject(schemas) || !Object.keys(schemas).length) return undefined;
    const from = pick(Object.keys(schemas));
    const to = pick(NAMES);
    if (to in schemas) return undefined;
    schemas[to] = schemas[from];
    delete schemas[from];
    const escape = (name) => name.replace(/~/g, "~0").replace(/\//g, "~1");
    const oldRef = `#/components/schemas/${escape(from)}`;
    let newRef = `#/components/schemas/${escape(to)}`;
    try {
      // Percent-encoded where it can be (a lone surrogate cannot), as spec tools write a $ref.
      if (pick([true, false])) newRef = `#/components/schemas/${encodeURIComponent(escape(to))}`;
    } catch {}
    for (const node of nodesOf(document)) if (isObject(node.value) && node.value.$ref === oldRef) node.value.$ref = newRef;
    return `schema ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
  },
  emptyComposition(document, pick) {
    const node = pick(nodesOf(document).filter(isSchema));
    if (!node) return undefined;
    const keyword = pick(COMPOSITIONS);
    const keep = pick([true, false]);
    node.parent[node.key] = keep ? { ...node.value, [keyword]: [] } : { [keyword]: [] };
    return `${node.path.join("/")}: ${keyword}: []`;
  },
  addParameter(document, pick) {
    const operation = pick(nodesOf(document).filter(isOperation));
    if (!operation) return undefined;
    const name = pick(NAMES);
    const where = pick(["query", "header", "query", "cookie"]);
    const parameter = { name, in: where, required: pick([true, false]), schema: pick([{ type: "string" }, { type: "integer" }, { type: "array", items: { type: "string" } }]) };
    operation.value.parameters = [...(Array.isArray(operation.value.parameters) ? operation.value.parameters : []), parameter];
    return `${operation.path.join("/")}: ${where} parameter ${JSON.stringify(name)}`;
  },
  bodyBesideParameter(document, pick) {
    const operation = pick(nodesOf(document).filter(isOperation));
    if (!operation) return undefined;
    operation.value.requestBody = { required: pick([true, false]), content: structuredClone(pick(BODY_CONTENT)) };
    const name = pick(["body", "body", "params", "toString"]);
    operation.value.parameters = [...(Array.isArray(operation.value.parameters) ? operation.value.parameters : []), { name, in: "query", schema: { type: "string" } }];
    return `${operation.path.join("/")}: a ${Object.keys(operation.value.requestBody.content)[0]} body beside parameter ${name}`;
  },
  deleteKey(document, pick) {
    const node = pick(nodesOf(document).filter((n) => isObject(n.value) && Object.keys(n.value).length));
    if (!node) return undefined;
    const key = pick(Object.keys(node.value));
    delete node.value[key];
    return `delete ${node.path.concat(key).join("/")}`;
  },
  deepNesting(document, pick) {
    const node = pick(nodesOf(document).filter(isSchema));
    if (!node) return undefined;
    const levels = pick([40, 300, 600, 1200]);
    let schema = node.value;
    for (let i = 0; i < levels; i++) schema = pick([true, false]) ? { type: "object", properties: { a: schema } } : { type: "array", items: schema };
    node.parent[node.key] = schema;
    return `${node.path.join("/")} nested ${levels} levels`;
  },
  badRef(document, pick) {
    const node = pick(nodesOf(document).filter(isSchema));
    if (!node) return undefined;
    const ref = pick(REFS);
    node.parent[node.key] = { $ref: ref };
    return `${node.path.join("/")}: $ref ${JSON.stringify(ref).slice(0, 40)}`;
  },
  oddType(document, pick) {
    const node = pick(nodesOf(document).filter(isSchema));
    if (!node) return undefined;
    node.value.type = structuredClone(pick(TYPES));
    return `${node.path.join("/")}: type ${JSON.stringify(node.value.type)}`;
  },
  oddEnum(document, pick) {
    const node = pick(nodesOf(document).filter(isSchema));
    if (!node) return undefined;
    node.value.enum = structuredClone(pick([[], [null], [1, "1", true], [{}], ["toString", "__proto__", "constructor"], HOSTILE, [1e21, -0, 0.1]]));
    return `${node.path.join("/")}: enum ${JSON.stringify(node.value.enum).slice(0, 40)}`;
  },
  oddInfo(document, pick) {
    const key = pick(["title", "version", "description"]);
    if (!isObject(document.info)) document.info = {};
    document.info[key] = structuredClone(pick(VALUES));
    return `info/${key} = ${JSON.stringify(document.info[key]).slice(0, 40)}`;
  },
  oddOperationId(document, pick) {
    const operation = pick(nodesOf(document).filter(isOperation));
    if (!operation) return undefined;
    operation.value.operationId = pick(NAMES);
    return `${operation.path.join("/")}: operationId ${JSON.stringify(operation.value.operationId)}`;
  },
};

/**
 * A mutated copy of `document`: 1 to 3 mutations chosen by `seed`. Returns the copy and what was
 * done to it, for the failure message.
 */
function mutate(document, seed) {
  const rng = random(seed);
  const pick = (list) => (list.length ? list[Math.floor(rng() * list.length)] : undefined);
  const copy = structuredClone(document);
  const done = [];
  const count = 1 + Math.floor(rng() * 3);
  for (let attempt = 0; done.length < count && attempt < 10; attempt++) {
    const name = pick(Object.keys(MUTATIONS));
    const what = MUTATIONS[name](copy, pick);
    if (what !== undefined) done.push(`${name}: ${what.length > 200 ? `${what.slice(0, 200)}…` : what}`);
  }
  return { document: copy, mutations: done };
}

module.exports = { mutate, random };
