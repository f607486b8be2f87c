import type { ApiModel } from "../../ir/types";
import type { ClientSettings } from "./client-file";
import { codeSpan, renderTemplate } from "./templates";

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

/**
 * The generated folder's README: how to construct the client, its entries and every operation.
 * `needsFormatter` is set when it holds characters whose markdown prettier may write differently
 * (non-ASCII, or pipes, backticks and backslashes in spec text).
 */
export function renderReadme(variant: string, model: ApiModel, settings: ClientSettings, facts: ReadmeFacts): { text: string; needsFormatter: boolean } {
  const specText = [model.title, ...model.operations.map((op) => op.path)];
  const text = renderTemplate("client-readme.md.hbs", {
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
          table: markdownTable(
            ["method", "route"],
            operations.map((op) => [`\`${op.name}()\`${op.deprecation ? " (deprecated)" : ""}`, `${codeSpan(op.method)} ${codeSpan(op.path)}`]),
          ),
        },
      ];
    }),
  });
  // prettier aligns tables by display width (wide characters count twice) and escapes pipes in cells.
  return { text, needsFormatter: /[^\x00-\x7e]/.test(text) || specText.some((t) => /[|`\\]/.test(t ?? "")) };
}

/** A markdown table with its columns padded to one width, as prettier aligns them. */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [row(header), row(widths.map((w) => "-".repeat(w))), ...rows.map(row)].join("\n");
}
