import type { ApiModel } from "../../ir/types";
import type { ClientSettings } from "./client-file";
import { renderTemplate } from "./templates";

/** The few sentences in which one variant's README differs from another's. */
export interface ReadmeFacts {
  /** What the client runs on. */
  transport: string;
  /** How `withResponse()` names the transport's own response object. */
  rawResponse: string;
  /** An install line for the runtime dependency, when there is one. */
  install?: string;
  peerRange?: string;
  /** A note on the client option that is the variant's own. */
  clientOption?: string;
}

/** The generated folder's README: how to construct the client, its entries and every operation. */
export function renderReadme(variant: string, model: ApiModel, settings: ClientSettings, facts: ReadmeFacts): string {
  return renderTemplate("client-readme.md.hbs", {
    variant,
    clientName: settings.clientName,
    apiKeyEnv: model.auth ? settings.apiKeyEnv : undefined,
    needsKey: model.auth !== undefined,
    title: model.title,
    install: undefined,
    peerRange: undefined,
    clientOption: undefined,
    ...facts,
    // Untagged operations are methods of the client itself, listed after the resources.
    groups: [...model.resources.map((r) => r.property), undefined].flatMap((property) => {
      const operations = model.operations.filter((op) => op.resource === property);
      if (operations.length === 0) return [];
      return [
        {
          heading: property === undefined ? "client" : `client.${property}`,
          operations: operations.map((op) => ({ name: op.name, method: op.method, path: op.path, deprecated: op.deprecation !== undefined })),
        },
      ];
    }),
  });
}
