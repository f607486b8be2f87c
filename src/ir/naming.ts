/**
 * The one place where spec strings become identifiers. Every function is pure and deterministic;
 * collisions are settled by `NameRegistry` in the order names are claimed.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/**
 * Members every object already has, and `then`, which makes an object (or a module namespace) a
 * thenable that `await` calls: a method or resource named so would shadow them or be called by
 * `String(x)`, `JSON.stringify(x)` or `await x`.
 */
const OBJECT_MEMBERS = new Set(
  "constructor then toString toLocaleString valueOf toJSON hasOwnProperty isPrototypeOf propertyIsEnumerable".split(" "),
);

/** Values the generated modules import from the runtime (body kinds, query styles): an operation must not shadow them. */
export const IMPORTED_VALUE_NAMES = [
  ...["jsonBody", "formBody", "multipartBody", "textBody", "binaryBody", "oneOfBodies"],
  ...["spaceDelimitedStyle", "pipeDelimitedStyle", "deepObjectStyle"],
] as const;
const IMPORTED_VALUES = new Set<string>(IMPORTED_VALUE_NAMES);

/** The client's own public members (the base class's `request`, the full client's `downloadImages`): no resource or operation replaces them. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set(["request", "downloadImages"]);

/** Type names a generated client uses itself (TypeScript's own and the runtime's exports). */
const RESERVED_TYPES = new Set(
  (
    "any unknown never object string number boolean symbol bigint Object String Number Boolean Symbol Array Promise " +
    "Date Error Record Partial Required Readonly Pick Omit Blob File Response Request Headers FormData URL"
  ).split(" "),
);

/** Verbs that an operation name can start with; used to drop a redundant leading HTTP method word. */
const VERBS = new Set(
  (
    "accept activate add analyze append apply approve archive assign attach authenticate authorize batch block " +
    "build calculate cancel capture change check claim clear clone close commit compare complete compute confirm " +
    "connect convert copy count create deactivate decline delete deny describe detach disable disconnect dismiss " +
    "download duplicate edit enable end enqueue erase estimate evaluate execute expire export extend fetch find " +
    "finish flag follow fork generate get grant import inpaint insert invite invoke issue join kill layerize leave " +
    "link list lock login logout mark merge migrate modify move notify open order patch pause ping post preview " +
    "process publish purge put query queue read rebuild recalculate redeem reframe refresh refund regenerate " +
    "register reject reload remix remove rename render reopen reorder replace reply report request rerun reset " +
    "resend resize resolve restart restore resume retrieve retry revert revoke rotate run save scan schedule search " +
    "select send set share sign start stop submit subscribe suspend swap sync tag terminate test toggle track train " +
    "transfer transform trigger unarchive unassign unblock unfollow unlink unlock unpublish unregister unsubscribe " +
    "update upgrade upload upscale upsert validate verify vectorize view void watch"
  ).split(" "),
);

/** `get` is not among them: `get-render` reads as "get a render", not as a redundant prefix. */
const HTTP_METHOD_WORDS = new Set(["post", "put", "patch", "delete"]);

/** Splits any spec string into words: separators, camelCase humps and letter/digit edges. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    // What an identifier may hold (Unicode ID_Continue) stays, in any script; everything else, and `_`, separates words.
    .split(/[^\p{ID_Continue}]+|_+/u)
    .flatMap((word) => word.split(/(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/))
    .filter((word) => word.length > 0);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export function camelCase(text: string): string {
  const words = splitWords(text);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join("");
}

export function pascalCase(text: string): string {
  return splitWords(text).map(capitalize).join("");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A first character an identifier cannot have (Unicode ID_Start, `_`, `$`): a digit of any script, a combining mark. */
const NOT_A_START = /^[^\p{ID_Start}_$]/u;

/** Makes a value-level identifier (function, method, variable) out of a camelCase candidate. */
function safeValueName(candidate: string, fallback: string): string {
  let name = candidate || fallback;
  if (NOT_A_START.test(name)) name = "_" + name;
  return RESERVED.has(name) || OBJECT_MEMBERS.has(name) || IMPORTED_VALUES.has(name) ? `${name}_` : name;
}

/**
 * The method name for an operation: its camelCased operationId, minus a leading HTTP-method word
 * that a spec tool put before a real verb (`post-generate-image-v-3` → `generateImageV3`), while
 * `get-dataset` stays `getDataset`. A version token between the two moves to the end
 * (`post-v-1-edit-image` → `editImageV1`). Without an operationId, method and path make the name.
 */
export function operationMethodName(operationId: string | undefined, httpMethod: string, path: string): string {
  if (!operationId) {
    const segments = path.split("/").filter(Boolean).map((s) => s.replace(/^\{(.*)\}$/, "by $1"));
    return safeValueName(camelCase([httpMethod.toLowerCase(), ...segments].join(" ")), "operation");
  }
  let words = splitWords(withoutRouteSuffix(operationId, httpMethod, path)).map((w) => w.toLowerCase());
  if (words.length > 1 && HTTP_METHOD_WORDS.has(words[0]!)) {
    const rest = words.slice(1);
    const version = rest[0] === "v" && /^\d+$/.test(rest[1] ?? "") ? rest.splice(0, 2) : [];
    if (rest.length > 0 && VERBS.has(rest[0]!)) words = [...rest, ...version];
  }
  return safeValueName(words.map((w, i) => (i === 0 ? w : capitalize(w))).join(""), "operation");
}

/**
 * The name of an operation's method on its resource: the method name of the operationId without
 * the tag it carries as a namespace (`repos/get`, `repos.get`, `repos:get` in `repos` → `get`;
 * `repos_get` and `repos-get` when a verb follows, since `generate-image` in `generate` names no
 * namespace). Reserved words are fine for a method (`gists.delete()`); members every object has
 * are not. Undefined when the operationId carries no namespace.
 */
export function resourceMemberName(operationId: string | undefined, namespaces: readonly string[], httpMethod: string, path: string): string | undefined {
  if (!operationId) return undefined;
  const carries = (segment: string) => namespaces.some((namespace) => camelCase(namespace) === camelCase(segment));
  const strong = /^([^/.:]+)[/.:](.*[A-Za-z0-9].*)$/.exec(operationId);
  const weak = /^([^_-]+)[_-](.*[A-Za-z0-9].*)$/.exec(operationId);
  let rest: string | undefined;
  if (strong && carries(strong[1]!)) rest = strong[2]!;
  else if (weak && carries(weak[1]!) && VERBS.has(splitWords(weak[2]!)[0]?.toLowerCase() ?? "")) rest = weak[2]!;
  if (rest === undefined) return undefined;
  const name = operationMethodName(rest, httpMethod, path).replace(/_$/, "");
  return OBJECT_MEMBERS.has(name) ? undefined : name;
}

/**
 * FastAPI's default operationId is the handler's name followed by the route, non-word characters
 * as `_`, and the method: `upload_files_uploads_post` for `upload_files` at POST /uploads. The
 * route part says nothing the method name needs; the handler's name is kept.
 */
function withoutRouteSuffix(operationId: string, httpMethod: string, path: string): string {
  const suffix = `${path.replace(/\W/g, "_")}_${httpMethod.toLowerCase()}`;
  const stem = operationId.endsWith(suffix) ? operationId.slice(0, -suffix.length) : "";
  return /[A-Za-z]/.test(stem) ? stem : operationId;
}

/** A PascalCase type name; names that are already valid PascalCase identifiers stay as written. */
export function typeName(text: string): string {
  const base = /^[A-Z][A-Za-z0-9_]*$/.test(text) ? text : pascalCase(text);
  const name = base === "" ? "Schema" : typeIdentifier(base);
  return RESERVED_TYPES.has(name) ? `${name}Schema` : name;
}

/** A type name built from PascalCase words cannot start with a digit (of any script): `2024ReportsResource` → `T2024ReportsResource`. */
export function typeIdentifier(name: string): string {
  return NOT_A_START.test(name) ? `T${name}` : name;
}

/** A derived client class name longer than this reads as a sentence: a brand-like word of the title stands for it. */
const MAX_CLIENT_NAME = 32;

/** Words a title shares with every other title, never a brand. */
const GENERIC_TITLE_WORDS = new Set("a an the official openapi open api apis rest http json spec specification service services reference docs v1 v2 v3".split(" "));

/**
 * The client class for an API titled so: `<Title>Client` (`PetstoreClient`) while that stays short;
 * from a long title, its first brand-like word: a capitalised word with a capital inside (`GitHub's
 * official OpenAPI spec + Octokit extension` → `GitHub`), else its first capitalised word that is not
 * a generic one (`API`, `REST`, `Official`).
 */
export function clientClassName(title: string): string {
  const derived = typeIdentifier(`${pascalCase(title) || "Api"}Client`);
  if (derived.length <= MAX_CLIENT_NAME) return derived;
  const words = title.split(/[^\p{ID_Continue}']+/u).map((word) => word.replace(/'s?$/i, "").replace(/'/g, "")).filter(Boolean);
  const named = words.filter((word) => /^\p{Lu}/u.test(word) && !GENERIC_TITLE_WORDS.has(word.toLowerCase()));
  const brand = named.find((word) => /\p{Ll}\p{Lu}/u.test(word)) ?? named[0];
  if (!brand) return derived;
  const name = typeIdentifier(/^[A-Z][A-Za-z0-9]*$/.test(brand) ? brand : pascalCase(brand));
  return RESERVED_TYPES.has(name) || name === "" ? derived : name;
}

/** A camelCase property name for resources on the client. */
export function resourceName(tag: string): string {
  const name = safeValueName(camelCase(tag), "resource");
  return CLIENT_MEMBERS.has(name) ? `${name}_` : name;
}

/** A key for an enum value in the generated `as const` object. */
export function enumMemberKey(value: string | number | boolean | null): string {
  const text = String(value);
  // In an object literal `__proto__: x` sets the prototype instead of defining a member.
  if (IDENTIFIER.test(text) && text !== "__proto__") return text;
  const cleaned = text.replace(/[^\p{ID_Continue}$]+/gu, "_").replace(/^_+|_+$/g, "");
  if (cleaned === "") return typeof value === "number" && value < 0 ? "_minus" : "_empty";
  const signed = typeof value === "number" && value < 0 ? `minus_${cleaned}` : cleaned;
  return NOT_A_START.test(signed) ? `_${signed}` : signed;
}

/** Hands out names from one namespace, suffixing 2, 3, … on collisions in claim order. */
export class NameRegistry {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** `avoid`: names this one claim must not take, though later claims may. */
  claim(candidate: string, avoid: { has(name: string): boolean } = new Set()): string {
    let name = candidate;
    for (let n = 2; this.taken.has(name) || avoid.has(name); n++) name = `${candidate}${n}`;
    this.taken.add(name);
    return name;
  }
}
