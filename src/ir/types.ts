/**
 * The intermediate model: what the emitters see of an API. Nothing here refers to OpenAPI objects;
 * every name is already a safe TypeScript identifier chosen by `naming.ts`, every spec string is raw
 * (escaping happens when it reaches generated text).
 */

export interface ApiModel {
  title: string;
  version: string;
  /** Servers in spec order; the first absolute one is the client's default base URL. */
  servers: Server[];
  /** The security schemes operations use, in `components.securitySchemes` order. */
  auth: AuthScheme[];
  /** Named schemas, in a stable order: source order of `components.schemas`, each followed by the inline enums named after it, then those named after operations. */
  schemas: NamedSchema[];
  operations: Operation[];
  /** Resource groups on the client, in order of first appearance. */
  resources: Resource[];
  /** For each error status (e.g. 422), the union of body schemas the spec declares for it. */
  errorBodies: ErrorBody[];
  /** Where results link to the images the API made, which expire; undefined when no result does. */
  imageLinks: ImageLinks | undefined;
}

/** A result field holding a link to an image. */
export interface ImageLinkField {
  /** Property names from the result to the link; `null` stands for each item of an array. */
  path: (string | null)[];
  /** A boolean beside the link, false when the link was withheld as unsafe (`is_image_safe`). */
  safeFlag?: string;
}

export interface ImageLinks {
  /** In the order first found (operations in spec order, properties in schema order). */
  fields: ImageLinkField[];
  /** The 2xx response bodies that hold them: the results the client's `downloadImages` accepts. */
  results: SchemaNode[];
  /** The operations that resolve with such a result only (every 2xx body holds links), by name. */
  operations: string[];
}

export interface Server {
  /**
   * The URL with its `{variable}`s, resolved against the spec's own URL when it is relative and the
   * spec was read from one; otherwise as written (a relative server leaves the client without a default).
   */
  url: string;
  /** True for an `http(s)://` URL: the client can send to it without a `baseUrl`. */
  absolute: boolean;
  variables: ServerVariable[];
}

export interface ServerVariable {
  name: string;
  default: string;
  /** The values the spec allows, when it restricts them. */
  enum?: string[];
  description?: string;
}

export interface SchemaMeta {
  description?: string;
  /** The `default` value, as it appears in the spec. */
  default?: unknown;
  /** The spec's `example` (or first of `examples`), as it appears there: unchecked against the schema. */
  example?: unknown;
  deprecated?: boolean;
  nullable?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** The validation keywords the spec gives, for documentation: the client does not enforce them. */
  constraints?: Constraints;
}

/** Bounds as the spec writes them; an exclusive bound is 3.1's number form (3.0's boolean form is folded into it). */
export interface Constraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

export type EnumValue = string | number | boolean | null;

/** A schema reduced to what a TypeScript type and a wire encoder need. */
export type SchemaNode =
  | { kind: "ref"; name: string; meta: SchemaMeta }
  | { kind: "string"; format?: string; meta: SchemaMeta }
  | { kind: "number"; integer: boolean; format?: string; meta: SchemaMeta }
  | { kind: "boolean"; meta: SchemaMeta }
  | { kind: "null"; meta: SchemaMeta }
  | { kind: "enum"; values: EnumValue[]; /** `x-enum-varnames`: a member key for each value, where given. */ varnames?: (string | undefined)[]; meta: SchemaMeta }
  | { kind: "binary"; meta: SchemaMeta }
  | { kind: "array"; items: SchemaNode; meta: SchemaMeta }
  | { kind: "object"; properties: Property[]; additional: SchemaNode | undefined; meta: SchemaMeta }
  | { kind: "union"; variants: SchemaNode[]; meta: SchemaMeta }
  | { kind: "intersection"; parts: SchemaNode[]; meta: SchemaMeta }
  | { kind: "unknown"; meta: SchemaMeta };

export type SchemaKind = SchemaNode["kind"];

export interface Property {
  /** The property name on the wire and in the generated type. */
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface EnumMember {
  /** Identifier-safe key in the generated `as const` object. */
  key: string;
  value: EnumValue;
}

/** Where a named schema is reachable from: request-side enums are closed, response-side ones open. */
export interface SchemaUsage {
  request: boolean;
  response: boolean;
  /** Reachable from a multipart body, where a binary is a file upload (elsewhere it is JSON text). */
  upload: boolean;
}

/**
 * Where an inline enum sits: `key` is the params key or property name; `owner` is the operation's
 * function name (a parameter, a request body's property), the component's type name (`schema`), or
 * the `components/parameters` entry's name (a parameter operations share).
 */
export interface InlineEnumSite {
  at: "parameter" | "body" | "schema" | "shared parameter";
  owner: string;
  key: string;
}

export interface NamedSchema {
  /** The TypeScript name. */
  name: string;
  /** The name in `components.schemas`; an inline enum's is its TypeScript name. */
  sourceName: string;
  schema: SchemaNode;
  /** Members for the `as const` object, present when the schema is an enum of strings or numbers. */
  enumMembers?: EnumMember[];
  /** For an inline enum the IR named: where it was written. */
  inline?: InlineEnumSite;
  usage: SchemaUsage;
}

/** A security scheme the client sends itself; `options` are its credentials' client option names. */
export type AuthScheme = { schemeName: string; options: string[] } & (
  | { kind: "apiKey"; in: "header" | "query" | "cookie"; name: string }
  /** http bearer, and oauth2 / openIdConnect (the caller obtains the token). */
  | { kind: "bearer" }
  /** http basic: `options` are the username's and the password's. */
  | { kind: "basic" }
);

/** Scheme names sent together; an operation's requirement is a list of such alternatives. `[]` is anonymous access. */
export type SecurityRequirement = string[];

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface Parameter {
  /** Name on the wire. */
  name: string;
  /** Key in the params object: the wire name, unless another parameter of the operation has it too. */
  key: string;
  in: ParameterLocation;
  required: boolean;
  schema: SchemaNode;
  description?: string;
  deprecated?: boolean;
  style: "form" | "simple" | "deepObject" | "spaceDelimited" | "pipeDelimited" | "label" | "matrix";
  explode: boolean;
  /** The `components/parameters` entry operations share it through, when they do. */
  component?: string;
}

/** How one multipart field travels (DESIGN.md §3). */
export type MultipartEncoding =
  /** One text part: a string, number, boolean or enum value. */
  | "text"
  /** The field repeated, one text part per item. */
  | "texts"
  /** One file part with filename and content type. */
  | "file"
  /** The field repeated, one file part per item. */
  | "files"
  /** One plain text part holding the value's JSON text. */
  | "json"
  /** An array or object serialised as a form parameter (`style`, `explode`): one text part, or one per item or property. */
  | "styled"
  /** A schema that says nothing (`{}`, title only): a file part for a file, a text part for text, JSON text otherwise. */
  | "any";

/** The form styles an `encoding` entry may give an array or object part. */
export type MultipartStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface MultipartField {
  name: string;
  required: boolean;
  encoding: MultipartEncoding;
  /**
   * An explicit `encoding.contentType`: the part's Content-Type for text and JSON parts; for a file, the
   * types the server accepts (`image/png, image/jpeg`), the first sent when the file has no type of its own.
   */
  contentType?: string;
  /** Extra part headers with the values the spec fixes, checked for the wire. */
  headers?: [name: string, value: string][];
  /** How a `styled` part serialises its value. */
  style?: { style: MultipartStyle; explode: boolean };
  schema: SchemaNode;
}

interface BodyBase {
  contentType: string;
  /**
   * The params type of this content type when the operation accepts several (`GenerateImageV3MultipartParams`);
   * the operation's params type is then the union of them.
   */
  paramsTypeName?: string;
  required: boolean;
  description?: string;
  /** The whole body type, for the params object. */
  schema: SchemaNode;
  /** The params keys the body is read from: its property names when flattened, else `body`. */
  keys: string[];
  /**
   * True when the body's properties sit directly in the params object beside path/query/header
   * params; false when the body travels under the `body` key (not an object, or a name collides).
   */
  flattened: boolean;
}

export type RequestBody =
  | (BodyBase & { kind: "json" })
  | (BodyBase & { kind: "multipart"; fields: MultipartField[] })
  | (BodyBase & { kind: "form" })
  | (BodyBase & { kind: "text" })
  | (BodyBase & { kind: "binary" });

export type RequestBodyKind = RequestBody["kind"];

export type ResponseBodyKind = "json" | "text" | "binary" | "empty";

export interface ResponseDef {
  /** "200", "4XX", "default". */
  status: string;
  description?: string;
  kind: ResponseBodyKind;
  contentType?: string;
  schema?: SchemaNode;
}

export interface Deprecation {
  /** Why, in the spec's words, when it says. */
  reason?: string;
  /** The replacement operation's method name, when the spec names one that exists. */
  replacement?: { resource: string | undefined; method: string; path: string; httpMethod: HttpMethod };
}

export interface Operation {
  operationId: string;
  /** The standalone function's name, unique in the API (`reposGet`). */
  name: string;
  /**
   * The method's name on its resource (`get` for `client.repos.get()`, from operationId `repos/get`),
   * or on the client for an untagged operation (then `name`).
   */
  memberName: string;
  /** Resource property on the client, undefined for untagged operations (they sit on the client). */
  resource: string | undefined;
  /** PascalCase stem for the operation's own types (`GenerateImageV3` → `GenerateImageV3Params`). */
  typeStem: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecation?: Deprecation;
  parameters: Parameter[];
  /**
   * The request bodies the operation accepts, one per kind, in the order the client tries them
   * (JSON, multipart, form, text, binary): each call sends the first its values fit. Empty without a body.
   */
  bodies: RequestBody[];
  responses: ResponseDef[];
  /** True when the params object has at least one required key (it may be omitted otherwise). */
  paramsRequired: boolean;
  /** The alternatives of credentials that authorise a call, in spec order; none when the operation needs no credentials. */
  security: SecurityRequirement[];
}

export interface Resource {
  /** Property on the client (`generate`). */
  property: string;
  /** Class name of the resource (`GenerateResource`). */
  className: string;
}

export interface ErrorBody {
  status: number;
  schema: SchemaNode;
}
