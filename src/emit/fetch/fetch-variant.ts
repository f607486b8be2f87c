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
          apiKeyEnv: settings.apiKeyEnv,
          title: model.title,
          resources: model.resources.map((r) => ({
            property: r.property,
            operations: model.operations.filter((op) => op.resource === r.property).map((op) => ({ name: op.name, method: op.method, path: op.path, deprecated: op.deprecation !== undefined })),
          })),
        }),
      ],
    ]),
};
