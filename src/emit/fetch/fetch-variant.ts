import type { Variant } from "../core/emit-client";
import { renderTemplate } from "../core/templates";

/** The fetch variant: the platform's fetch, zero runtime dependencies. */
export const fetchVariant: Variant = {
  name: "fetch",
  staticFiles: (model, settings) =>
    new Map([
      [
        "README.md",
        renderTemplate("fetch/README.md.hbs", {
          clientName: settings.clientName,
          apiKeyEnv: model.auth ? settings.apiKeyEnv : undefined,
          needsKey: model.auth !== undefined,
          title: model.title,
          // Untagged operations are methods of the client itself, listed after the resources.
          groups: [...model.resources.map((r) => r.property), undefined].flatMap((property) => {
            const operations = model.operations.filter((op) => op.resource === property);
            return operations.length === 0 ? [] : [{
              heading: property === undefined ? "client" : `client.${property}`,
              operations: operations.map((op) => ({ name: op.name, method: op.method, path: op.path, deprecated: op.deprecation !== undefined })),
            }];
          }),
        }),
      ],
    ]),
};
