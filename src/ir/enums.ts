import { NameRegistry, enumMemberKey, pascalCase, typeIdentifier, typeName } from "./naming";
import type { EnumMember, InlineEnumSite, NamedSchema, Operation, SchemaMeta, SchemaNode } from "./types";

/** Keys for an enum's `as const` object, when its values are strings or numbers: `x-enum-varnames` where given, else derived from values. */
export function enumMembers(node: SchemaNode): EnumMember[] | undefined {
  if (node.kind !== "enum" || !node.values.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) return undefined;
  const keys = new NameRegistry();
  return node.values.map((value, i) => {
    const given = node.varnames?.[i];
    return { key: keys.claim(enumMemberKey(given ?? value)), value };
  });
}

/**
 * Names each inline enum that a component's properties or an operation's parameters and body
 * properties hold (directly, as the items of an array, or beside `null` in a union) after its owner
 * and the property: `order` of `listPalettes` is `ListPalettesOrder`, `size` of `ThingInput` is
 * `ThingInputSize`, the `type` of a body that travels under `body` is `CreateThingBodyType`, and a
 * parameter shared through `components/parameters/direction` is `Direction`, once for every operation
 * that uses it. Each is declared with `as const` members like a component's enum. A single value stays
 * a literal: it is a discriminator, not a choice. `claim` hands out the type names: components'
 * first, in source order, then operations'. Each new schema follows the component, or the first
 * operation, it was found in.
 */
export function nameInlineEnums(
  operations: readonly Operation[],
  schemas: NamedSchema[],
  byName: Map<string, NamedSchema>,
  claim: (candidate: string) => string,
): void {
  // One node can sit in several places (a multipart field is its body's property, or a component's);
  // one body's properties are converted once per content type, and a shared parameter once per
  // operation: equal enums of one candidate name are one type.
  const named = new Map<SchemaNode, SchemaNode>();
  const byCandidate = new Map<string, { values: string; name: string }[]>();
  const following = new Map<string, NamedSchema[]>();
  let place = "";
  const listAt = <T>(map: Map<string, T[]>, key: string): T[] => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  };
  /** `schema` is the enum with what it says of its values: two uses that differ only in how they use them (one deprecated) share the type. */
  const nameOf = (schema: SchemaNode & { kind: "enum" }, members: EnumMember[], candidate: string, site: InlineEnumSite): string => {
    const values = JSON.stringify([schema.values, schema.varnames, schema.meta]);
    const sameCandidate = listAt(byCandidate, candidate);
    const same = sameCandidate.find((entry) => entry.values === values);
    if (same) return same.name;
    const name = claim(candidate);
    const declared: NamedSchema = { name, sourceName: name, schema, enumMembers: members, usage: { request: false, response: false, upload: false }, inline: site };
    byName.set(name, declared);
    listAt(following, place).push(declared);
    sameCandidate.push({ values, name });
    return name;
  };
  const hoisted = (node: SchemaNode, candidate: string, site: InlineEnumSite): SchemaNode => {
    const done = named.get(node);
    if (done) return done;
    let result = node;
    const members = node.kind === "enum" && node.values.length > 1 ? enumMembers(node) : undefined;
    if (node.kind === "enum" && members) {
      const { type, use } = splitMeta(node.meta);
      result = { kind: "ref", name: nameOf({ ...node, meta: type }, members, candidate, site), meta: use };
    } else if (node.kind === "array") {
      const items = hoisted(node.items, candidate, site);
      if (items !== node.items) result = { ...node, items };
    } else if (node.kind === "union") {
      const variants = node.variants.map((variant) => hoisted(variant, candidate, site));
      if (variants.some((variant, i) => variant !== node.variants[i])) result = { ...node, variants };
    }
    named.set(node, result);
    return result;
  };
  const name = (stem: string, key: string) => typeIdentifier(`${stem}${pascalCase(key) || "Value"}`);

  for (const component of schemas) {
    if (component.schema.kind !== "object") continue;
    place = component.name;
    for (const property of component.schema.properties) {
      property.schema = hoisted(property.schema, name(component.name, property.name), { at: "schema", owner: component.name, key: property.name });
    }
  }
  for (const operation of operations) {
    place = operation.name;
    for (const parameter of operation.parameters) {
      parameter.schema = parameter.component
        ? hoisted(parameter.schema, typeName(parameter.component), { at: "shared parameter", owner: parameter.component, key: parameter.name })
        : hoisted(parameter.schema, name(operation.typeStem, parameter.key), { at: "parameter", owner: operation.name, key: parameter.key });
    }
    for (const body of operation.bodies) {
      // A body under `body` may hold a property of a parameter's name: its enums say so.
      const stem = body.flattened ? operation.typeStem : `${operation.typeStem}Body`;
      const inBody = (node: SchemaNode, key: string) => hoisted(node, name(stem, key), { at: "body", owner: operation.name, key });
      if (body.schema.kind === "object") for (const property of body.schema.properties) property.schema = inBody(property.schema, property.name);
      if (body.kind === "multipart") for (const field of body.fields) field.schema = inBody(field.schema, field.name);
    }
  }
  const ordered = schemas.flatMap((component) => [component, ...(following.get(component.name) ?? [])]);
  ordered.push(...operations.flatMap((operation) => following.get(operation.name) ?? []));
  schemas.splice(0, schemas.length, ...ordered);
}

/** What an inline enum says of its values goes to the named type; how the property uses it (access, deprecation) stays with the property. */
function splitMeta({ readOnly, writeOnly, deprecated, ...type }: SchemaMeta): { type: SchemaMeta; use: SchemaMeta } {
  const use = Object.fromEntries(Object.entries({ readOnly, writeOnly, deprecated }).filter(([, v]) => v !== undefined));
  return { type, use };
}
