import { NameRegistry, enumMemberKey, pascalCase, typeIdentifier } from "./naming";
import type { EnumMember, NamedSchema, Operation, SchemaMeta, SchemaNode } from "./types";

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
 * `ThingInputSize`, declared with `as const` members like a component's enum. A single value stays
 * a literal: it is a discriminator, not a choice. `claim` hands out the type names: components'
 * first, in source order, then operations'. Each new schema follows its component in `schemas`;
 * those of operations come last.
 */
export function nameInlineEnums(
  operations: readonly Operation[],
  schemas: NamedSchema[],
  byName: Map<string, NamedSchema>,
  claim: (candidate: string) => string,
): void {
  // One node can sit in several places (a multipart field is its body's property, or a component's);
  // one body's properties can be converted once per content type, giving equal enums of one candidate name.
  const named = new Map<SchemaNode, SchemaNode>();
  const byCandidate = new Map<string, { values: string; name: string }[]>();
  const owned = new Map<string, NamedSchema[]>();
  const nameOf = (node: SchemaNode & { kind: "enum" }, candidate: string, inline: InlineAt): string => {
    const values = JSON.stringify([node.values, node.varnames, node.meta]);
    const same = byCandidate.get(candidate)?.find((entry) => entry.values === values);
    if (same) return same.name;
    const name = claim(candidate);
    const schema: NamedSchema = {
      name,
      sourceName: name,
      schema: { ...node, meta: typeMeta(node.meta) },
      enumMembers: enumMembers(node)!,
      usage: { request: false, response: false, upload: false },
      inline,
    };
    byName.set(name, schema);
    owned.set(inline.owner, [...(owned.get(inline.owner) ?? []), schema]);
    byCandidate.set(candidate, [...(byCandidate.get(candidate) ?? []), { values, name }]);
    return name;
  };
  const hoisted = (node: SchemaNode, candidate: string, inline: InlineAt): SchemaNode => {
    const done = named.get(node);
    if (done) return done;
    let result = node;
    if (node.kind === "enum" && node.values.length > 1 && enumMembers(node)) {
      result = { kind: "ref", name: nameOf(node, candidate, inline), meta: useMeta(node.meta) };
    } else if (node.kind === "array") {
      const items = hoisted(node.items, candidate, inline);
      if (items !== node.items) result = { ...node, items };
    } else if (node.kind === "union") {
      const variants = node.variants.map((variant) => hoisted(variant, candidate, inline));
      if (variants.some((variant, i) => variant !== node.variants[i])) result = { ...node, variants };
    }
    named.set(node, result);
    return result;
  };
  const at = (stem: string, owner: string) => (node: SchemaNode, key: string) =>
    hoisted(node, typeIdentifier(`${stem}${pascalCase(key) || "Value"}`), { owner, key });

  for (const component of schemas) {
    if (component.schema.kind !== "object") continue;
    const inComponent = at(component.name, component.name);
    for (const property of component.schema.properties) property.schema = inComponent(property.schema, property.name);
  }
  for (const operation of operations) {
    const inOperation = at(operation.typeStem, operation.name);
    for (const parameter of operation.parameters) parameter.schema = inOperation(parameter.schema, parameter.key);
    for (const body of operation.bodies) {
      if (body.schema.kind === "object") for (const property of body.schema.properties) property.schema = inOperation(property.schema, property.name);
      if (body.kind === "multipart") for (const field of body.fields) field.schema = inOperation(field.schema, field.name);
    }
  }
  const ordered = schemas.flatMap((component) => [component, ...(owned.get(component.name) ?? [])]);
  ordered.push(...operations.flatMap((operation) => owned.get(operation.name) ?? []));
  schemas.splice(0, schemas.length, ...ordered);
}

type InlineAt = NonNullable<NamedSchema["inline"]>;

/** What an inline enum says of its values goes to the named type; how the property uses it stays with the property. */
function typeMeta({ readOnly, writeOnly, deprecated, ...meta }: SchemaMeta): SchemaMeta {
  return meta;
}

function useMeta(meta: SchemaMeta): SchemaMeta {
  const { readOnly, writeOnly, deprecated } = meta;
  return Object.fromEntries(Object.entries({ readOnly, writeOnly, deprecated }).filter(([, v]) => v !== undefined));
}
